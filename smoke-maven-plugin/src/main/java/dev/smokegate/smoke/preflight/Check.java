package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.Requirements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One distinct check of the host. Checks are records, so two scenarios that require the same thing
 * make equal checks, and it runs once.
 */
sealed interface Check permits CommandCheck, EndpointCheck, EnvCheck, JavaCheck, OsCheck, FreeDiskCheck {
    /** @return the check's name, {@code <kind> <subject>}, e.g. {@code command git>=2.25} */
    String name();

    /** @return the rule of an unmet check, e.g. {@code host.requires.command} */
    String rule();

    /**
     * Runs the check; never throws for what it finds on the host.
     *
     * @param host what to check
     * @param timeout how long the check may take
     * @return its outcome
     */
    HostCheck run(Host host, Duration timeout);

    /** @return a PASS of this check */
    default HostCheck pass(String detail) {
        return new HostCheck(name(), HostCheck.Verdict.PASS, null, detail);
    }

    /** @return a FAIL of this check, with its rule */
    default HostCheck fail(String detail) {
        return new HostCheck(name(), HostCheck.Verdict.FAIL, rule(), detail);
    }

    /**
     * @param requires one scenario's requirements
     * @return its checks, in the order of {@link Requirements}
     */
    static List<Check> of(Requirements requires) {
        List<Check> checks = new ArrayList<>();
        requires.commands().forEach(command -> checks.add(new CommandCheck(command)));
        requires.endpoints().forEach(endpoint -> checks.add(new EndpointCheck(endpoint)));
        requires.env().forEach(variable -> checks.add(new EnvCheck(variable)));
        if (requires.java() != null) {
            checks.add(new JavaCheck(requires.java()));
        }
        if (!requires.os().isEmpty()) {
            checks.add(new OsCheck(requires.os()));
        }
        if (requires.freeDiskBytes() != null) {
            checks.add(new FreeDiskCheck(requires.freeDiskBytes()));
        }
        return checks;
    }
}
