package dev.smokegate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A unique environment variable given to one forked build. Every process the build starts inherits
 * it, even one re-parented to {@code init}, so {@code /proc/<pid>/environ} finds every process of the
 * run that is still alive: the check that a run left nothing behind, and the cleanup that kills what
 * it did leave.
 */
final class RunMarker implements AutoCloseable {
    /** The name of the variable. */
    static final String VARIABLE = "SMOKE_IT_RUN";

    private static final Path PROC = Path.of("/proc");
    private static final long POLL_MILLIS = 100;

    private final byte[] entry;
    private final String value;

    private RunMarker(String value) {
        this.value = value;
        this.entry = (VARIABLE + "=" + value).getBytes(StandardCharsets.UTF_8);
    }

    /** A new marker for the test {@code test}. */
    static RunMarker of(String test) {
        return new RunMarker(test + "-" + UUID.randomUUID());
    }

    /** The environment to add to the forked build. */
    Map<String, String> environment() {
        return Map.of(VARIABLE, value);
    }

    /** A live process of the run. */
    record Survivor(long pid, String commandLine) {
        @Override
        public String toString() {
            return "pid " + pid + ": " + commandLine;
        }
    }

    /** The processes of the run alive now, each with its command line. */
    List<Survivor> alive() throws IOException {
        List<Survivor> alive = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != ProcessHandle.current().pid() && marked(process)) {
                    alive.add(new Survivor(pid, commandLine(process)));
                }
            }
        }
        return alive;
    }

    /**
     * Waits up to {@code patience} for every process of the run to end.
     *
     * @return those still alive when the patience ran out; empty when none is
     */
    List<Survivor> awaitNoneAlive(Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Survivor> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(POLL_MILLIS);
            alive = alive();
        }
        return alive;
    }

    /** The live process of the run whose command line contains {@code text}, if there is one. */
    Optional<Survivor> find(String text) throws IOException {
        return alive().stream()
                .filter(process -> process.commandLine().contains(text))
                .findFirst();
    }

    /** Kills (SIGKILL) every process of the run still alive, and waits a little for them to go. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Survivor survivor : alive()) {
            ProcessHandle.of(survivor.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        awaitNoneAlive(Duration.ofSeconds(5));
    }

    /** Whether the process's initial environment holds exactly this marker's entry. */
    private boolean marked(Path process) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(process.resolve("environ"));
        } catch (IOException | SecurityException e) {
            return false; // ended meanwhile, or another user's process
        }
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(environ, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static String commandLine(Path process) {
        try {
            byte[] bytes = Files.readAllBytes(process.resolve("cmdline"));
            return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "(command line unreadable: " + e.getMessage() + ")";
        }
    }
}
