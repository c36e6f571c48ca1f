package dev.smokegate.smoke.model;

import java.util.Objects;

/**
 * One check of the host, as {@code smoke:doctor} prints it and as {@code requires} decides a skip:
 * {@code PASS|WARN|FAIL <name> — <detail>}.
 *
 * @param name what was checked, e.g. {@code command git>=2.25} or {@code endpoint 127.0.0.1:5432}
 * @param verdict the outcome
 * @param rule the host rule a WARN or FAIL belongs to, e.g. {@code host.requires.command}; {@code
 *     null} for a PASS
 * @param detail what was seen, e.g. {@code git version 2.39.5} or {@code connection refused}
 */
public record HostCheck(String name, Verdict verdict, String rule, String detail) {
    /** The outcome of a host check. */
    public enum Verdict {
        /** The host has what is needed. */
        PASS,
        /** Usable, but worth knowing (e.g. offline, but the pinned commit is cached). */
        WARN,
        /** The host lacks what is needed: a scenario that needs it is skipped. */
        FAIL
    }

    /**
     * @throws NullPointerException when name, verdict or detail is {@code null}, or rule is {@code
     *     null} for a WARN or FAIL
     */
    public HostCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
        if (verdict != Verdict.PASS) {
            Objects.requireNonNull(rule, "rule");
        }
    }

    @Override
    public String toString() {
        return verdict + " " + name + " — " + detail;
    }
}
