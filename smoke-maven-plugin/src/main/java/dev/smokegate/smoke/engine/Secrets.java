package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ServerCredentials;
import dev.smokegate.smoke.model.Step;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The secret values of one gate run, gathered into its {@link Redaction}: for each name a scenario
 * lists in {@code secret-env} (its own and {@code [defaults]}'), the variable's value in the gate's
 * environment and in this JVM's (which the steps inherit), and the value the manifest gives it in
 * {@code [defaults] env}, the scenario's {@code env} and each step's {@code env}, placeholders
 * resolved; and the password of each of the front end's logins. Every scenario of the manifest
 * counts, selected or not: masking more never harms.
 */
final class Secrets {
    private Secrets() {}

    /**
     * @param request the gate's request: its environment and logins
     * @param manifest the loaded manifest
     * @param placeholders resolves {@code ${env.NAME}} and project properties in {@code env} values
     * @return the redaction of everything the gate writes in this run
     */
    static Redaction of(GateRequest request, Manifest manifest, Placeholders placeholders) {
        Set<String> values = new LinkedHashSet<>();
        for (ServerCredentials server : request.servers().values()) {
            values.add(server.password());
        }
        for (Scenario scenario : manifest.scenarios()) {
            for (String name : scenario.secretEnv()) {
                values.add(request.environment().get(name));
                values.add(System.getenv(name));
                add(values, manifest.defaultEnv(), name, placeholders);
                add(values, scenario.env(), name, placeholders);
                for (Step step : scenario.steps()) {
                    add(values, step.env(), name, placeholders);
                }
            }
        }
        return Redaction.of(values);
    }

    private static void add(Set<String> values, Map<String, String> env, String name, Placeholders placeholders) {
        String value = env.get(name);
        if (value == null) {
            return;
        }
        values.add(value);
        try {
            values.add(placeholders.resolve(value, Map.of()));
        } catch (IllegalArgumentException e) {
            // a gate value such as ${smoke.workspace} or ${port.http}: known only in the scenario's run,
            // and not a secret; the value as written is masked
        }
    }
}
