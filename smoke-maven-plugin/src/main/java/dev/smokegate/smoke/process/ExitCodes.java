package dev.smokegate.smoke.process;

import java.util.Map;
import java.util.Optional;

/** What an exit code conventionally means, for failure reports. */
public final class ExitCodes {

    /** Signals whose numbers are the same on Linux and macOS. */
    private static final Map<Integer, String> SIGNALS = Map.of(
            1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 14,
            "SIGALRM", 15, "SIGTERM");

    /** The highest signal number on Linux ({@code SIGRTMAX}). */
    private static final int MAX_SIGNAL = 64;

    private ExitCodes() {}

    /**
     * The conventional meaning of {@code exitCode}, following POSIX {@code sh}: 126 "found but not
     * executable", 127 "command not found", {@code 128+n} "killed by signal n" (also what {@link
     * Process#exitValue()} reports for a process a signal ended); -1 means no exit code was read.
     *
     * @param exitCode an exit code as in {@link ProcessOutcome#exitCode()}
     * @return e.g. {@code "128+9: killed by SIGKILL"}, or empty for 0 and codes without a
     *     convention (1 to 125)
     */
    public static Optional<String> meaning(int exitCode) {
        if (exitCode == -1) {
            return Optional.of("no exit code was read");
        }
        if (exitCode == 126) {
            return Optional.of("found but not executable");
        }
        if (exitCode == ProcessOutcome.COMMAND_NOT_FOUND) {
            return Optional.of("command not found");
        }
        int signal = exitCode - 128;
        if (signal >= 1 && signal <= MAX_SIGNAL) {
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            return Optional.of("128+" + signal + ": killed by " + name);
        }
        return Optional.empty();
    }
}
