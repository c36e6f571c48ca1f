package dev.smokegate.smoke.model;

import java.util.Locale;

/** Who a failure belongs to. */
public enum FailureCategory {
    /** The repository under test: its code, its build, its tests, its patches. */
    SOURCE,
    /** The software or process under test: wrong output, wrong exit code, a crash, a timeout. */
    RUNTIME,
    /** The machine: a missing tool, a full disk, the network, permissions. */
    HOST;

    /** The lower-case name printed in reports: {@code source}, {@code runtime}, {@code host}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
