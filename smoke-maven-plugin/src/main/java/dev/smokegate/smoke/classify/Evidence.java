package dev.smokegate.smoke.classify;

import java.util.List;
import java.util.Objects;

/** What is known about a failure when it is classified. */
public sealed interface Evidence permits Evidence.Process, Evidence.Harness {

    /**
     * A step's command finished (or could not start) and a check failed.
     *
     * @param exitCode the exit code; 127 when it could not start
     * @param timedOut whether the deadline killed it
     * @param startError why it could not start, or {@code null}
     * @param exitCheckFailed whether the failed check is the exit code (the process failed), as opposed
     *     to a check on its output or files
     * @param tail the last lines of the step's combined output, oldest first
     * @param checkEvidence the failed check's own evidence line, or {@code null}
     */
    record Process(
            int exitCode,
            boolean timedOut,
            String startError,
            boolean exitCheckFailed,
            List<String> tail,
            String checkEvidence)
            implements Evidence {
        public Process {
            tail = List.copyOf(tail);
        }
    }

    /**
     * The harness could not do its own part: prepare the workspace, apply a patch, export.
     *
     * @param problem what kind of problem it was
     * @param message the message that names it
     */
    record Harness(HarnessProblem problem, String message) implements Evidence {
        public Harness {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The harness problems, as the workspace and step code report them. */
    enum HarnessProblem {
        /** The checkout is not a git repository. */
        NOT_A_REPOSITORY,
        /** A tracked file cannot be read. */
        UNREADABLE_TRACKED,
        /** The branch, tag or commit does not exist in the repository. */
        REF_NOT_FOUND,
        /** A patch does not apply. */
        PATCH_REJECTED,
        /** A path leaves the workspace. */
        ESCAPES_WORKSPACE,
        /** A repository URL cannot be reached. */
        UNREACHABLE,
        /** Offline, and the cache does not hold what is needed. */
        OFFLINE_NOT_CACHED,
        /** Reading or writing files on this machine failed. */
        IO
    }
}
