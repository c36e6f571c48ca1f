package dev.smokegate.smoke.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process trees that are running now, so that a JVM shutdown (Maven interrupted with Ctrl-C)
 * does not leave them behind.
 *
 * <p>This is the package's only static mutable state, kept on purpose: a shutdown hook is
 * JVM-wide, so the set it reads must be too. It is a thread-safe set used for nothing but that
 * cleanup; {@link ProcessRunner} adds a tree when its command starts and removes it when the run
 * returns. The hook is registered once, on first use.
 */
final class LiveProcesses {

    /** How long each tree gets after SIGTERM before SIGKILL, while the JVM shuts down. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(1);

    private static final Set<ProcessTree> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private LiveProcesses() {}

    static void add(ProcessTree tree) {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::killAll, "smoke-process-cleanup"));
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the caller's own deadline handling still applies
            }
        }
        LIVE.add(tree);
    }

    static void remove(ProcessTree tree) {
        LIVE.remove(tree);
    }

    /** Whether {@code tree} is registered; for tests. */
    static boolean contains(ProcessTree tree) {
        return LIVE.contains(tree);
    }

    /** Kills every registered tree; run by the shutdown hook. */
    static void killAll() {
        for (ProcessTree tree : LIVE) {
            tree.kill(SHUTDOWN_GRACE);
            LIVE.remove(tree);
        }
    }
}
