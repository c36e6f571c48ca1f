package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named smoke scenario: a sandbox source and the steps run in it.
 *
 * @param name unique name matching {@code [a-z0-9][a-z0-9._-]*}
 * @param description free text, may be empty
 * @param owners the task IDs this scenario protects ({@code -Dsmoke.task})
 * @param tags free labels
 * @param source where the sandbox comes from
 * @param env extra environment for every step (may hold placeholders)
 * @param timeout the limit for the whole scenario, or {@code null} for none
 * @param steps the steps, in order
 * @param location where the scenario's table starts in the manifest
 * @param requires what it needs from the host, checked before its workspace is prepared; {@link
 *     Requirements#NONE} when it needs nothing
 * @param needs the names of the scenarios that must have finished, passed, before this one starts
 *     ({@code needs = ["other"]}), in the order written; empty for none. The manifest loader checks
 *     that each names a scenario of the manifest and that they form no cycle.
 * @param secretEnv the names of the environment variables whose values are secrets ({@code
 *     secret-env}, the scenario's and {@code [defaults]}'): every text the gate writes masks their
 *     values (see {@link Redaction})
 */
public record Scenario(
        String name,
        String description,
        List<String> owners,
        List<String> tags,
        Source source,
        Map<String, String> env,
        Duration timeout,
        List<Step> steps,
        Location location,
        Requirements requires,
        List<String> needs,
        List<String> secretEnv) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        owners = List.copyOf(owners);
        tags = List.copyOf(tags);
        Objects.requireNonNull(source, "source");
        env = Map.copyOf(env);
        steps = List.copyOf(steps);
        Objects.requireNonNull(requires, "requires");
        needs = List.copyOf(needs);
        secretEnv = List.copyOf(secretEnv);
    }

    /** A scenario without secret environment variables. */
    public Scenario(
            String name,
            String description,
            List<String> owners,
            List<String> tags,
            Source source,
            Map<String, String> env,
            Duration timeout,
            List<Step> steps,
            Location location,
            Requirements requires,
            List<String> needs) {
        this(name, description, owners, tags, source, env, timeout, steps, location, requires, needs, List.of());
    }

    /** A scenario that needs no other scenario. */
    public Scenario(
            String name,
            String description,
            List<String> owners,
            List<String> tags,
            Source source,
            Map<String, String> env,
            Duration timeout,
            List<Step> steps,
            Location location,
            Requirements requires) {
        this(name, description, owners, tags, source, env, timeout, steps, location, requires, List.of());
    }

    /** A scenario that requires nothing of the host. */
    public Scenario(
            String name,
            String description,
            List<String> owners,
            List<String> tags,
            Source source,
            Map<String, String> env,
            Duration timeout,
            List<Step> steps,
            Location location) {
        this(name, description, owners, tags, source, env, timeout, steps, location, Requirements.NONE);
    }
}
