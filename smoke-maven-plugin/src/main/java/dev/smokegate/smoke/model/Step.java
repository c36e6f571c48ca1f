package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a scenario.
 *
 * @param name the step name, unique within its scenario
 * @param number 1-based position in the scenario (the {@code NN} of its log file)
 * @param action what the step does
 * @param cwd the working directory relative to the workspace root ({@code "."} by default)
 * @param timeout the step's own limit, or {@code null} to use the manifest default
 * @param env extra environment variables for this step (may hold placeholders)
 * @param expect what the step must produce
 * @param location where the step's table starts in the manifest
 * @param blame who a failure of this step belongs to when no host rule matched ({@code blame =
 *     "source"} or {@code "runtime"}), or {@code null} to let the built-in rules decide
 */
public record Step(
        String name,
        int number,
        Action action,
        String cwd,
        Duration timeout,
        Map<String, String> env,
        Expectations expect,
        Location location,
        FailureCategory blame) {
    /**
     * Checks the components in declaration order.
     *
     * @throws NullPointerException when name, action, cwd, env or expect is {@code null}
     * @throws IllegalArgumentException when number is below 1 (it names the log file {@code NN-…})
     */
    public Step {
        Objects.requireNonNull(name, "name");
        if (number < 1) {
            throw new IllegalArgumentException("step number is 1-based, got " + number + " for " + name);
        }
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(env);
        Objects.requireNonNull(expect, "expect");
    }

    /** The log file name, {@code NN-<name>.log}. */
    /** A step without {@code blame}: the built-in rules decide. */
    public Step(
            String name,
            int number,
            Action action,
            String cwd,
            Duration timeout,
            Map<String, String> env,
            Expectations expect,
            Location location) {
        this(name, number, action, cwd, timeout, env, expect, location, null);
    }

    public String logName() {
        return String.format("%02d-%s.log", number, name);
    }
}
