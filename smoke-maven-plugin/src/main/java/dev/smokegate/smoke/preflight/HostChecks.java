package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.Requirements;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Checks what scenarios require of the host ({@code requires.*} in the manifest): commands on the
 * {@code PATH} with their versions, reachable endpoints, set environment variables, the Java version,
 * the operating system and the free disk of the work directory.
 *
 * <p>Each distinct check runs once per instance, however many scenarios require it, on its own
 * thread, in parallel with the others. Each is bounded by the timeout: a command's {@code --version}
 * is killed, a connection given up, and a check that still has not finished three seconds after the
 * timeout (a DNS lookup the JDK cannot bound) is a FAIL that says so. A check never throws: every
 * outcome is a {@link HostCheck}.
 *
 * <p>Rule ids of an unmet requirement: {@code host.requires.command}, {@code host.requires.endpoint},
 * {@code host.requires.env}, {@code host.requires.java}, {@code host.requires.os} and {@code
 * host.requires.free-disk}. A check's name is {@code <kind> <subject>}, e.g. {@code command
 * git>=2.25}, {@code endpoint 127.0.0.1:5432}; see {@link #skip(HostCheck)} for the skip it makes.
 */
public final class HostChecks {
    /** How long after the timeout a check that has not finished is given up (the first HTTP client of a JVM takes a while to start). */
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Duration timeout;
    private final Host host;
    private final Map<Check, CompletableFuture<HostCheck>> done = new ConcurrentHashMap<>();

    /**
     * Checks the host this JVM runs on: its {@code java.version} and {@code os.name}.
     *
     * @param timeout how long one check may take; positive
     * @param environment the environment commands are looked up and run in ({@code PATH}) and {@code
     *     requires.env} is read from
     * @param workDirectory the gate's work directory, whose free disk {@code requires.free-disk} checks
     *     (or that of its nearest existing ancestor)
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public HostChecks(Duration timeout, Map<String, String> environment, Path workDirectory) {
        this(timeout, Host.current(environment, workDirectory));
    }

    /** Checks the given host, for tests. */
    HostChecks(Duration timeout, Host host) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the host check timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * Checks one scenario's requirements.
     *
     * @param requires what the scenario requires
     * @return one check per requirement, in the order of {@link Requirements} (commands, endpoints,
     *     env, java, os, free disk), each in the order written; empty for {@link Requirements#NONE}
     */
    public List<HostCheck> check(Requirements requires) {
        return checkAll(List.of(requires));
    }

    /**
     * Checks several scenarios' requirements at once; a check that several require runs once and
     * appears once.
     *
     * @param requirements the requirements of each scenario
     * @return the distinct checks, in the order they first appear
     */
    public List<HostCheck> checkAll(Collection<Requirements> requirements) {
        Set<Check> checks = new LinkedHashSet<>();
        requirements.forEach(requires -> checks.addAll(Check.of(requires)));
        List<CompletableFuture<HostCheck>> running = new ArrayList<>();
        for (Check check : checks) {
            running.add(done.computeIfAbsent(check, this::start));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<HostCheck> start(Check check) {
        Executor ownThread = task -> {
            Thread thread = new Thread(task, "smoke-host-check " + check.name());
            thread.setDaemon(true);
            thread.start();
        };
        return CompletableFuture.supplyAsync(() -> run(check), ownThread)
                .completeOnTimeout(
                        check.fail("did not finish within " + Words.duration(timeout)),
                        timeout.plus(GRACE).toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private HostCheck run(Check check) {
        try {
            return check.run(host, timeout);
        } catch (RuntimeException e) {
            return check.fail("could not be checked: " + e);
        }
    }

    /**
     * The skip an unmet requirement makes: category host, the check's rule, and the evidence {@code
     * <subject> — <detail>}, e.g. {@code https://api.example.org/health — connect timed out after 5 s}.
     *
     * @param failed a WARN or FAIL check made by this class
     * @return the classification of the skip
     * @throws IllegalArgumentException when the check is a PASS
     */
    public static Classification skip(HostCheck failed) {
        if (failed.verdict() == HostCheck.Verdict.PASS) {
            throw new IllegalArgumentException("a passed check makes no skip: " + failed);
        }
        String name = failed.name();
        String subject = name.indexOf(' ') < 0 ? name : name.substring(name.indexOf(' ') + 1);
        return new Classification(FailureCategory.HOST, failed.rule(), subject + " — " + failed.detail());
    }
}
