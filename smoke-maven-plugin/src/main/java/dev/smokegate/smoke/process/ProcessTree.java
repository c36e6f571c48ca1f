package dev.smokegate.smoke.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A started command and every process it forked, found two ways:
 *
 * <ul>
 *   <li>{@link ProcessHandle#descendants()} of the root, while those are still linked to it;
 *   <li>on Linux, any process whose {@code /proc/<pid>/environ} carries this tree's cookie in the
 *       variable {@value #COOKIE_VARIABLE}. The runner puts the cookie in the command's environment,
 *       children inherit it, so a background process that was re-parented to {@code init} when its
 *       parent exited is still found. Jenkins finds stray build processes the same way.
 * </ul>
 *
 * <p>A process that clears its environment and leaves the tree is not found; on systems without
 * {@code /proc} only live descendants are.
 */
final class ProcessTree {

    /** The environment variable that marks the processes of a tree; a comma-separated list of cookies. */
    static final String COOKIE_VARIABLE = "SMOKE_PROCESS_TREE";

    private static final Path PROC = Path.of("/proc");
    private static final byte[] COOKIE_ENTRY = (COOKIE_VARIABLE + "=").getBytes(StandardCharsets.US_ASCII);
    private static final long POLL_MILLIS = 20;
    private static final int ENVIRON_RETRIES = 50;

    private final ProcessHandle root;
    private final String cookie;
    private final Set<Long> stopped = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    ProcessTree(ProcessHandle root, String cookie) {
        this.root = root;
        this.cookie = cookie;
    }

    /** A new random cookie. */
    static String newCookie() {
        return UUID.randomUUID().toString();
    }

    /**
     * The value of {@value #COOKIE_VARIABLE} for a child: {@code cookie} added to the inherited
     * value, so that a smoke run inside a step keeps the outer run's cookie too.
     */
    static String cookieValue(String inherited, String cookie) {
        return inherited == null || inherited.isEmpty() ? cookie : inherited + "," + cookie;
    }

    /** The root process of the tree. */
    ProcessHandle root() {
        return root;
    }

    /**
     * The running processes of the tree, all collected before any is signalled so that none escapes
     * by being re-parented meanwhile. Parents come before their children (the root first, then
     * {@link ProcessHandle#descendants()} level by level), so that a parent is signalled before it
     * can react to a child's death by running its next command.
     */
    List<ProcessHandle> members() {
        Set<ProcessHandle> found = new LinkedHashSet<>(linked());
        for (ProcessHandle marked : marked()) {
            found.add(marked);
            marked.descendants().forEach(found::add);
        }
        found.remove(ProcessHandle.current());
        return found.stream().filter(ProcessTree::isRunning).toList();
    }

    /**
     * The running processes still linked to the root: the root, then its {@link
     * ProcessHandle#descendants()} level by level. Unlike {@link #members()} this leaves out
     * processes found only by the cookie, those already re-parented away from the tree: what a
     * service left behind rather than what it still runs.
     */
    List<ProcessHandle> linked() {
        Set<ProcessHandle> found = new LinkedHashSet<>();
        found.add(root);
        root.descendants().forEach(found::add);
        found.remove(ProcessHandle.current());
        return found.stream().filter(ProcessTree::isRunning).toList();
    }

    /**
     * Whether {@code process} still runs. Unlike {@link ProcessHandle#isAlive()} this is false for
     * a zombie (state {@code Z} or {@code X} in {@code /proc/<pid>/stat}): a process that has ended
     * but whose parent, often {@code init} for an orphan, has not reaped it yet. Some container
     * inits reap only every few seconds.
     */
    static boolean isRunning(ProcessHandle process) {
        String stat;
        try {
            stat = Files.readString(
                    PROC.resolve(Long.toString(process.pid())).resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return process.isAlive(); // no /proc (not Linux), or the process has just gone
        }
        // "pid (command) S ...": the command may hold spaces and parentheses, the state follows the last ')'
        int state = stat.lastIndexOf(')') + 2;
        if (state < 2 || state >= stat.length()) {
            return process.isAlive();
        }
        char code = stat.charAt(state);
        // the JDK may already call a process whose first thread shows Z dead; ask /proc first
        return code == 'Z' || code == 'X' ? otherThreadsRun(process) : process.isAlive();
    }

    /**
     * Whether a process whose first thread shows {@code Z} still runs other threads. The state in
     * {@code /proc/<pid>/stat} is that of the thread group leader, which may exit before the rest:
     * a JVM stopped by SIGTERM shows {@code Z} while its shutdown hooks still run. A real zombie has
     * {@code Threads: 1} in {@code /proc/<pid>/status} (proc(5)).
     */
    private static boolean otherThreadsRun(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(
                    PROC.resolve(Long.toString(process.pid())).resolve("status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).strip()) > 1;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false; // gone meanwhile, or no such line: take the state as it reads
        }
        return false;
    }

    /**
     * Ends every process of the tree: {@link ProcessHandle#destroy()} (SIGTERM on Unix) to all,
     * then, after up to {@code grace}, {@link ProcessHandle#destroyForcibly()} (SIGKILL) to those
     * left and to any the tree forked meanwhile, waiting up to {@code grace} again.
     *
     * @param grace how long processes get to exit after each signal
     * @return true when no process of the tree is left alive
     */
    boolean kill(Duration grace) {
        List<ProcessHandle> targets = members();
        targets.forEach(process -> stopped.add(process.pid()));
        targets.forEach(ProcessHandle::destroy);
        if (awaitGone(targets, grace) && members().isEmpty()) {
            return true;
        }
        Set<ProcessHandle> left = new LinkedHashSet<>(members());
        targets.stream().filter(ProcessTree::isRunning).forEach(left::add);
        left.forEach(process -> stopped.add(process.pid()));
        left.forEach(ProcessHandle::destroyForcibly);
        return awaitGone(List.copyOf(left), grace);
    }

    /**
     * Kills the tree as {@link #kill} does, because the JVM shuts down (the shutdown hook of {@link
     * LiveProcesses}); {@link #stoppedAtShutdown()} is true from before the first signal on.
     *
     * @param grace how long processes get to exit after each signal
     * @return true when no process of the tree is left alive
     */
    boolean killAtShutdown(Duration grace) {
        shutdown = true;
        return kill(grace);
    }

    /** @return true when the JVM's shutdown killed (or is killing) this tree */
    boolean stoppedAtShutdown() {
        return shutdown;
    }

    /**
     * @return how many distinct processes of the tree a {@link #kill} signalled so far, whoever
     *     called it (the runner, the shutdown hook, or both)
     */
    int stopped() {
        return stopped.size();
    }

    /**
     * Waits until none of {@code handles} {@link #isRunning runs}, polling every {@value
     * #POLL_MILLIS} ms.
     *
     * @return false if one still runs after {@code grace}, or the thread was interrupted (its flag
     *     is set again)
     */
    static boolean awaitGone(List<ProcessHandle> handles, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (handles.stream().anyMatch(ProcessTree::isRunning)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Processes whose environment carries this tree's cookie; empty where there is no {@code /proc}. */
    private List<ProcessHandle> marked() {
        List<ProcessHandle> marked = new ArrayList<>();
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return marked;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcessTree::isPidEntry)) {
            for (Path entry : entries) {
                if (carriesCookie(environ(entry))) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString()))
                            .filter(ProcessTree::isRunning)
                            .ifPresent(marked::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc vanished or cannot be listed: fall back to the live descendants alone
        }
        return marked;
    }

    private static boolean isPidEntry(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * The bytes of {@code /proc/<pid>/environ}. While a process runs {@code execve}, Linux may show
     * that file as empty for a moment, so a process that a step forked in the background just before
     * it ended ({@code sleep 600 & echo forked}) could be missed; an empty environment of a running
     * user process (not a kernel thread, whose parent is {@code kthreadd}, pid 2) is read again, up to
     * {@value #ENVIRON_RETRIES} times, 2 ms apart.
     *
     * @return the bytes; empty when the process ended, belongs to another user, or has no environment
     */
    private static byte[] environ(Path entry) {
        for (int attempt = 0; ; attempt++) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(entry.resolve("environ"));
            } catch (IOException e) {
                return new byte[0]; // the process ended, or belongs to another user
            }
            if (bytes.length > 0 || attempt == ENVIRON_RETRIES || !runningUserProcess(entry)) {
                return bytes;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return bytes;
            }
        }
    }

    /** Whether {@code /proc/<pid>} is a running (not zombie) process that is not a kernel thread. */
    private static boolean runningUserProcess(Path entry) {
        String stat;
        try {
            stat = Files.readString(entry.resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return false;
        }
        // "pid (command) S ppid ...": the state and the parent follow the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 1).strip().split(" ");
        if (fields.length < 2 || fields[0].equals("Z") || fields[0].equals("X")) {
            return false;
        }
        String pid = entry.getFileName().toString();
        return !pid.equals("2") && !fields[1].equals("2");
    }

    private boolean carriesCookie(byte[] bytes) {
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            if (startsWith(bytes, start, end, COOKIE_ENTRY)) {
                String value = new String(
                        bytes,
                        start + COOKIE_ENTRY.length,
                        end - start - COOKIE_ENTRY.length,
                        StandardCharsets.ISO_8859_1);
                for (String part : value.split(",", -1)) {
                    if (part.equals(cookie)) {
                        return true;
                    }
                }
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "process tree of pid " + root.pid();
    }
}
