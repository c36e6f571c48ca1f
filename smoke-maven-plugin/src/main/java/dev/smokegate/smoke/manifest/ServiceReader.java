package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Readiness;
import dev.smokegate.smoke.model.Service;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The rules of the two step actions about services: a {@code service} table, which starts a
 * service and waits until it is ready ({@link Action.Serve}), and {@code stop}, which stops one
 * ({@link Action.Stop}).
 *
 * <p>A service has a name unique in its scenario, exactly one of {@code service.run} and {@code
 * service.args}, and exactly one readiness probe: {@code service.ready.http} (a URL; with {@code
 * service.ready.status} and {@code service.ready.body.contains}), {@code service.ready.tcp} ({@code
 * host:port}) or {@code service.ready.log} (a regex). Its durations default to {@link
 * Readiness#DEFAULT_TIMEOUT}, {@link Readiness#DEFAULT_INTERVAL} and {@link
 * Service#DEFAULT_STOP_TIMEOUT}. A {@code stop} step names a service started by an earlier step of the
 * same scenario.
 */
final class ServiceReader {
    private static final Set<String> SERVICE_KEYS = Set.of("name", "run", "args", "ready", "stop-timeout");
    private static final Set<String> READY_KEYS = Set.of("http", "tcp", "log", "status", "body", "timeout", "interval");
    private static final Set<String> READY_BODY_KEYS = Set.of("contains");
    private static final List<String> PROBES = List.of("http", "tcp", "log");

    private final TomlReader toml;
    private final ValueChecks checks;

    /**
     * @param toml the load's reader, where problems go
     * @param checks the shared value checks
     */
    ServiceReader(TomlReader toml, ValueChecks checks) {
        this.toml = toml;
        this.checks = checks;
    }

    /**
     * Reads the {@code service} table of a step, and records its name in {@code services}.
     *
     * @param step the step table
     * @param context the step, as messages name it ({@code scenario › step})
     * @param services the service names of the scenario so far
     * @return the action; {@code null} when it has a problem
     */
    Action serve(TomlTable step, String context, Names services) {
        return toml.whole(
                step,
                "service",
                context,
                SERVICE_KEYS,
                (service, serviceContext) -> service(step, service, context, serviceContext, services));
    }

    private Supplier<Action> service(
            TomlTable step, TomlTable service, String context, String serviceContext, Names services) {
        String name = services.read(service, serviceContext, toml.at(step, "service"));
        String shell = toml.text(service, "run", serviceContext);
        List<String> args = toml.texts(service, "args", serviceContext);
        boolean hasRun = service.get(List.of("run")) != null;
        Object argsValue = service.get(List.of("args"));
        if (hasRun && argsValue != null) {
            toml.bothSet(
                    service,
                    "service.",
                    "run",
                    "args",
                    context,
                    "a command line for sh -c, or a program and its arguments");
        } else if (!hasRun && argsValue == null) {
            toml.problem(
                    toml.at(step, "service"),
                    context + " starts no command. Set service.run (a command line for sh -c) or service.args"
                            + " (a program and its arguments).");
        } else if (shell != null && shell.isBlank()) {
            toml.problem(
                    toml.at(service, "run"),
                    "service.run in " + context + " is empty. Write the command that starts the service.");
        } else if (argsValue instanceof TomlArray array && array.isEmpty()) {
            toml.problem(
                    toml.at(service, "args"),
                    "service.args in " + context + " is empty. Write the program and its arguments, e.g."
                            + " [\"java\", \"-jar\", \"target/app.jar\"].");
        }
        Readiness readiness = readiness(step, service, context);
        Duration stopTimeout = toml.duration(service, "stop-timeout", serviceContext);
        if (name == null || readiness == null) {
            return null;
        }
        return () -> new Action.Serve(new Service(
                name,
                hasRun ? shell : null,
                hasRun ? null : args,
                readiness,
                stopTimeout == null ? Service.DEFAULT_STOP_TIMEOUT : stopTimeout));
    }

    /**
     * Reads the {@code stop} of a step.
     *
     * @param step the step table
     * @param context the step, as messages name it ({@code scenario › step})
     * @param services the service names of the scenario so far, started by earlier steps
     * @return the action; {@code null} when it has a problem
     */
    Action stop(TomlTable step, String context, Names services) {
        String name = toml.string(step, "stop", context);
        if (name == null) {
            return null;
        }
        if (!services.has(name)) {
            List<String> started = services.all();
            toml.problem(
                    toml.at(step, "stop"),
                    "stop in " + context + " names no service started by an earlier step: \"" + name + "\". "
                            + (started.isEmpty()
                                    ? "No service is started before this step: start it with a service step first."
                                    : "Started so far: " + String.join(", ", started)
                                            + ". Fix the name, or move this step after the one that starts the"
                                            + " service."));
            return null;
        }
        return new Action.Stop(name);
    }

    private Readiness readiness(TomlTable step, TomlTable service, String context) {
        String noProbe = context + " has no readiness probe. Set one of service.ready.http (a URL), service.ready.tcp"
                + " (host:port) or service.ready.log (a regex on the service's output): the service is used only"
                + " once it is ready.";
        if (service.get(List.of("ready")) == null) {
            toml.problem(toml.at(step, "service"), noProbe);
            return null;
        }
        String readyContext = context + " service.ready";
        TomlTable ready = toml.table(service, "ready", context + " service", READY_KEYS, readyContext);
        if (ready == null) {
            return null;
        }
        String kind = toml.oneOf(
                ready,
                PROBES,
                "service.ready.",
                context,
                noProbe,
                toml.at(service, "ready"),
                "Keep one readiness probe.");
        Readiness.Probe probe = kind == null ? null : probe(ready, kind, context);
        Duration timeout = toml.duration(ready, "timeout", readyContext);
        Duration interval = toml.duration(ready, "interval", readyContext);
        timeout = timeout == null ? Readiness.DEFAULT_TIMEOUT : timeout;
        interval = interval == null ? Readiness.DEFAULT_INTERVAL : interval;
        if (interval.compareTo(timeout) >= 0) {
            Location at =
                    ready.get(List.of("interval")) != null ? toml.at(ready, "interval") : toml.at(ready, "timeout");
            toml.problem(
                    at,
                    "service.ready.interval in " + context + " is not shorter than service.ready.timeout: "
                            + Durations.format(interval) + " against " + Durations.format(timeout)
                            + ". Shorten the interval or lengthen the timeout.");
        }
        return probe == null ? null : new Readiness(probe, timeout, interval);
    }

    private Readiness.Probe probe(TomlTable ready, String kind, String context) {
        String readyContext = context + " service.ready";
        String value = toml.text(ready, kind, readyContext);
        if (!kind.equals("http")) {
            for (String key : List.of("status", "body")) {
                if (ready.get(List.of(key)) != null) {
                    toml.problem(
                            toml.at(ready, key),
                            "service.ready." + key + " in " + context + " applies only to service.ready.http; this"
                                    + " service is ready by service.ready." + kind
                                    + ". Remove it, or probe with service.ready.http.");
                }
            }
        }
        if (value == null) {
            return null;
        }
        switch (kind) {
            case "http" -> {
                checks.url(ready, "http", "service.ready.http", value, context);
                List<Integer> statuses = checks.statuses(ready, "status", "service.ready.status", context);
                List<String> contains = List.of();
                String bodyContext = readyContext + ".body";
                TomlTable body = toml.table(ready, "body", readyContext, READY_BODY_KEYS, bodyContext);
                if (body != null) {
                    contains = toml.texts(body, "contains", bodyContext);
                }
                return new Readiness.Http(value, statuses, contains);
            }
            case "tcp" -> {
                checks.address(ready, "tcp", "service.ready.tcp", value, context);
                return new Readiness.Tcp(value);
            }
            default -> {
                checks.regex(
                        toml.at(ready, "log"),
                        value,
                        context + " service.ready.log",
                        "Fix it (java.util.regex syntax); it is searched for in each line of the service's output.");
                return new Readiness.Log(value);
            }
        }
    }
}
