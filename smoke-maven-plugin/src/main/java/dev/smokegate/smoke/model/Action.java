package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a step does. */
public sealed interface Action
        permits Action.Run, Action.Patch, Action.Export, Action.Serve, Action.Http, Action.Tcp, Action.Stop {

    /**
     * Runs a command. Exactly one of {@code shell} and {@code args} is set.
     *
     * @param shell a command line for {@code sh -c}, or {@code null}
     * @param args an argument vector run without a shell, or {@code null}
     */
    record Run(String shell, List<String> args) implements Action {
        public Run {
            if ((shell == null) == (args == null)) {
                throw new IllegalArgumentException("exactly one of shell and args must be set");
            }
            args = args == null ? null : List.copyOf(args);
        }
    }

    /**
     * Applies a unified diff to the workspace with JGit.
     *
     * @param file the patch file as written in the manifest, relative to the manifest's folder
     */
    record Patch(String file) implements Action {
        public Patch {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * Copies files out of the workspace and writes its diff against the source commit, under the
     * scenario's export folder.
     *
     * @param diff the name of the diff file to write, or {@code null} for none
     * @param files globs, relative to the workspace root, of files to copy
     */
    record Export(String diff, List<String> files) implements Action {
        public Export {
            files = List.copyOf(files);
        }
    }

    /**
     * Starts a service that outlives the step, owned by its scenario, and waits until it is ready.
     *
     * @param service the service
     */
    record Serve(Service service) implements Action {
        public Serve {
            Objects.requireNonNull(service, "service");
        }
    }

    /**
     * Sends one HTTP request; the response's status, headers and body are what the step's checks read.
     *
     * @param call the request
     */
    record Http(HttpCall call) implements Action {
        public Http {
            Objects.requireNonNull(call, "call");
        }
    }

    /**
     * Opens a TCP connection, optionally sends text, and reads what comes back.
     *
     * @param address {@code host:port} (may hold placeholders)
     * @param send text to send once connected, or {@code null}
     * @param timeout how long connecting and reading may take together; positive
     */
    record Tcp(String address, String send, Duration timeout) implements Action {
        /** The default of {@code tcp.timeout}. */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

        public Tcp {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
        }
    }

    /**
     * Stops a service of the scenario: SIGTERM to its process tree, then SIGKILL after its stop timeout.
     *
     * @param service the name of a service started by an earlier step
     */
    record Stop(String service) implements Action {
        public Stop {
            Objects.requireNonNull(service, "service");
        }
    }
}
