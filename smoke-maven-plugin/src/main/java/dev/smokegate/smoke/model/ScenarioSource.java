package dev.smokegate.smoke.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a scenario's workspace came from, as the reports show it.
 *
 * @param kind a copy of a checkout or a clone
 * @param location the checkout's folder as shown to the user, or the clone URL (placeholders resolved)
 * @param ref the ref asked for (a clone's {@code source.ref}, or the ref the gate was asked to clone), or {@code null}
 *     for a checkout or the remote's default branch
 * @param commit the commit the workspace was made from (40 hex digits), or {@code null} when it is
 *     not known: the workspace was not made (a skip, a clone that failed) or the checkout has no
 *     commit yet
 */
public record ScenarioSource(Kind kind, String location, String ref, String commit) {
    /** The two kinds of source. */
    public enum Kind {
        /** A copy of a checkout on this machine ({@code source.path}). */
        CHECKOUT,
        /** A clone of a repository ({@code source.repo-url}), through the clone cache. */
        CLONE;

        /** The lower-case name printed in reports: {@code checkout}, {@code clone}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @throws NullPointerException when kind or location is {@code null} */
    public ScenarioSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /**
     * @param resolved the commit the workspace was made from
     * @return this source with that commit
     */
    public ScenarioSource withCommit(String resolved) {
        return new ScenarioSource(kind, location, ref, resolved);
    }
}
