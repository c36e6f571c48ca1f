package dev.smokegate.smoke.classify;

import java.util.List;
import java.util.Objects;

/** What is known about a failure when it is classified. */
public sealed interface Evidence
        permits Evidence.Process, Evidence.Harness, Evidence.Service, Evidence.Probe, Evidence.Leftover {

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
     * @param killedByGate whether the gate itself killed the process: at its deadline, when the gate
     *     was interrupted, or when a stop's SIGTERM did not end it. Then exit 137 is the gate's own
     *     SIGKILL, not the machine's ({@code host.killed})
     */
    record Process(
            int exitCode,
            boolean timedOut,
            String startError,
            boolean exitCheckFailed,
            List<String> tail,
            String checkEvidence,
            boolean killedByGate)
            implements Evidence {
        public Process {
            tail = List.copyOf(tail);
        }

        /** A process the gate killed only if its deadline passed ({@code killedByGate = timedOut}). */
        public Process(
                int exitCode,
                boolean timedOut,
                String startError,
                boolean exitCheckFailed,
                List<String> tail,
                String checkEvidence) {
            this(exitCode, timedOut, startError, exitCheckFailed, tail, checkEvidence, timedOut);
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

    /**
     * A service did not become ready: its process exited (or could not start) before its readiness
     * probe passed, or the readiness timeout passed.
     *
     * @param service the service's name
     * @param problem which of the two happened
     * @param exitCode the service's exit code when it exited, else {@code null}; 127 when it could
     *     not start
     * @param startError why it could not start, or {@code null}
     * @param lastProbe what the last readiness probe saw ({@code HTTP 503 {"status":"STARTING"}},
     *     {@code connection refused}), or {@code null} when none ran
     * @param tail the last lines of the service's output, oldest first
     */
    record Service(
            String service,
            ServiceProblem problem,
            Integer exitCode,
            String startError,
            String lastProbe,
            List<String> tail)
            implements Evidence {
        /**
         * @throws IllegalArgumentException when the service exited before ready without an exit code
         *     or start error
         */
        public Service {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(problem, "problem");
            if (problem == ServiceProblem.EXITED_BEFORE_READY && exitCode == null && startError == null) {
                throw new IllegalArgumentException("a service that exited has an exit code or a start error");
            }
            tail = List.copyOf(tail);
        }

        /**
         * The service seen as a process, for the rules that read exit codes and output (command not
         * found, disk full, compile error…): its exit failed when it exited before it was ready. The
         * gate did not kill it: a service that exits before it is ready ended on its own.
         *
         * @return the process evidence; exit code 0 when the service is still running
         */
        public Process asProcess() {
            return new Process(
                    exitCode == null ? 0 : exitCode,
                    false,
                    startError,
                    problem == ServiceProblem.EXITED_BEFORE_READY,
                    tail,
                    null,
                    false);
        }
    }

    /** How a service failed to become ready. */
    enum ServiceProblem {
        /** Its process exited, or could not start, before the readiness probe passed. */
        EXITED_BEFORE_READY,
        /** The readiness timeout passed while it was still running. */
        NOT_READY
    }

    /**
     * A probe step ({@code http} or {@code tcp}) failed: no answer came, or a check on the answer
     * failed.
     *
     * @param request what was sent: {@code GET http://127.0.0.1:8080/x} or {@code connect
     *     127.0.0.1:6379}
     * @param connectionError why no answer came ({@code connection refused}, {@code timed out after
     *     10s}), or {@code null} when one came
     * @param status the HTTP status of the answer, or {@code null} (no answer, or a TCP probe)
     * @param checkEvidence the failed check's own evidence line ({@code HTTP 500 …}, the body line
     *     closest to the text looked for), or {@code null}
     */
    record Probe(String request, String connectionError, Integer status, String checkEvidence) implements Evidence {
        public Probe {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * Processes of a step (or of a stopped service) were still running after it, and the step
     * expected none ({@code expect.no-leftover-processes}).
     *
     * @param processes the processes, each as {@code pid <n>: <command line>}; not empty
     */
    record Leftover(List<String> processes) implements Evidence {
        /** @throws IllegalArgumentException when there is no process */
        public Leftover {
            processes = List.copyOf(processes);
            if (processes.isEmpty()) {
                throw new IllegalArgumentException("a leftover failure names at least one process");
            }
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
        /** A file the scenario names (a probe's request body file) does not exist or cannot be read. */
        MISSING_FILE,
        /** A repository URL cannot be reached. */
        UNREACHABLE,
        /** Offline, and the cache does not hold what is needed. */
        OFFLINE_NOT_CACHED,
        /** Reading or writing files on this machine failed. */
        IO,
        /** A mirror in the clone cache is damaged. */
        CACHE_CORRUPT,
        /** The clone's repository lacks objects its own history needs (a partial or shallow clone). */
        INCOMPLETE_REPOSITORY
    }
}
