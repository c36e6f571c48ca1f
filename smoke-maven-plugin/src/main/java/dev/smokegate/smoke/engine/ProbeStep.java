package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.assertion.CheckResult;
import dev.smokegate.smoke.assertion.Checks;
import dev.smokegate.smoke.assertion.StepOutput;
import dev.smokegate.smoke.classify.Evidence;
import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.HttpCall;
import dev.smokegate.smoke.model.HttpResponseHead;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.probe.HttpProbe;
import dev.smokegate.smoke.probe.HttpProbeResult;
import dev.smokegate.smoke.probe.ProbeLogs;
import dev.smokegate.smoke.probe.TcpProbe;
import dev.smokegate.smoke.probe.TcpProbeResult;
import dev.smokegate.smoke.process.StepLogs;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a probe step: one HTTP request ({@code http}) or one TCP exchange ({@code tcp}), with the
 * step's log {@code NN-<step>.log} holding the request, the answer's head and its body. No answer
 * fails the step as {@code runtime.probe-unreachable}; an answer that fails a check (status,
 * headers, body, JSON) as {@code runtime.probe-failed}, with the body in the failure's log tail. A
 * request body file that does not exist is the scenario's mistake ({@code source.missing-file}).
 */
final class ProbeStep {
    /** The shortest timeout a probe gets, even past its step's deadline. */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    private final GateContext gate;
    private final HttpProbe http;
    private final TcpProbe tcp;

    /** @param gate the run's request, failures, checks and redaction */
    ProbeStep(GateContext gate) {
        this.gate = gate;
        this.http = new HttpProbe().redacting(gate.redaction());
        this.tcp = new TcpProbe().redacting(gate.redaction());
    }

    /**
     * @param step the step
     * @param action its request, placeholders not yet resolved
     * @return why it failed, or {@code null} when the answer passed every check
     */
    StepFailure http(StepContext step, Action.Http action) {
        HttpCall call = resolved(action.call(), step.scenario().resolve(), step.deadline());
        String request = call.method() + " " + call.url();
        boolean bodyFileMissing =
                call.bodyFile() != null && !Files.isRegularFile(step.cwd().resolve(call.bodyFile()));
        HttpProbeResult result;
        try {
            result = http.send(call, step.cwd(), logs(step.logs()));
        } catch (UncheckedIOException e) {
            return CommandStep.logsFailed(gate, step, e.getMessage());
        }
        Path log = step.logs().combined();
        if (!result.responded()) {
            if (bodyFileMissing) {
                return gate.failures()
                        .harness(
                                step.name(),
                                HarnessProblem.MISSING_FILE,
                                "the request body file of " + step.where() + " is missing: " + result.error()
                                        + ". Create it in the workspace (an earlier step may write it) or correct"
                                        + " http.body-file.",
                                log);
            }
            return unreachable(step, request, "expected an answer to " + request, result.error());
        }
        HttpResponseHead head = result.head();
        StepOutput output = new StepOutput(step.cwd(), step.logs(), 0).withResponse(head);
        return checks(step, request, output, head.status());
    }

    /**
     * @param step the step
     * @param action its address and what to send, placeholders not yet resolved
     * @return why it failed, or {@code null} when the connection opened and every check held
     */
    StepFailure tcp(StepContext step, Action.Tcp action) {
        Function<String, String> resolve = step.scenario().resolve();
        Action.Tcp resolved = new Action.Tcp(
                resolve.apply(action.address()),
                resolve.apply(action.send()),
                within(action.timeout(), step.deadline()));
        String request = "connect " + resolved.address();
        TcpProbeResult result;
        try {
            result = tcp.probe(resolved, logs(step.logs()));
        } catch (UncheckedIOException e) {
            return CommandStep.logsFailed(gate, step, e.getMessage());
        }
        if (!result.connected()) {
            return unreachable(
                    step, request, "expected " + resolved.address() + " to accept a connection", result.error());
        }
        return checks(step, request, new StepOutput(step.cwd(), step.logs(), 0), null);
    }

    private StepFailure checks(StepContext step, String request, StepOutput output, Integer status) {
        StepChecks.Failed failed = gate.checks()
                .firstFailed(step, Checks.of(step.expect(), step.step().action()), output);
        return failed == null
                ? null
                : failure(
                        step,
                        request,
                        failed.result(),
                        new Evidence.Probe(
                                request, null, status, failed.result().evidence()));
    }

    private StepFailure unreachable(StepContext step, String request, String expectation, String error) {
        return failure(
                step,
                request,
                new CheckResult(false, expectation, "no answer: " + error, null),
                new Evidence.Probe(request, error, null, null));
    }

    /** The failure of a probe, pointing to its log, whose tail shows the request and the answer. */
    private StepFailure failure(StepContext step, String request, CheckResult failed, Evidence evidence) {
        Path log = step.logs().combined();
        return gate.failures().judged(step, request, null, failed, log, StepFailures.tail(log), evidence);
    }

    private static ProbeLogs logs(StepLogs logs) {
        return new ProbeLogs(logs.combined(), logs.stdout(), logs.stderr());
    }

    /** The timeout, cut to the step's deadline when that comes sooner (at least 1 ms). */
    static Duration within(Duration timeout, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        Duration cut = left.compareTo(timeout) < 0 ? left : timeout;
        return cut.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : cut;
    }

    private static HttpCall resolved(HttpCall call, Function<String, String> resolve, Instant deadline) {
        Map<String, String> headers = new LinkedHashMap<>();
        call.headers().forEach((name, value) -> headers.put(name, resolve.apply(value)));
        return new HttpCall(
                call.method(),
                resolve.apply(call.url()),
                resolve.apply(call.body()),
                resolve.apply(call.bodyFile()),
                headers,
                within(call.timeout(), deadline));
    }

    @Override
    public String toString() {
        return "ProbeStep[" + http + ", " + tcp + "]";
    }
}
