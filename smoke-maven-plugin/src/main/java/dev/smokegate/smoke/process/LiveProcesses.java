package dev.smokegate.smoke.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process trees and services that are running now, so that a JVM shutdown (Maven interrupted
 * with Ctrl-C, or sent SIGTERM) does not leave them behind.
 *
 * <p>This is the package's only static mutable state, kept on purpose: a shutdown hook is
 * JVM-wide, so the sets it reads must be too. They are thread-safe sets used for nothing but that
 * cleanup; {@link ProcessRunner} adds a tree when its command starts and removes it when the run
 * returns, {@link ServiceProcess} adds a service when it starts and removes it when it is closed.
 * The hook is registered once, on first use.
 */
final class LiveProcesses {

    /** How long each tree gets after SIGTERM before SIGKILL, while the JVM shuts down. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(1);

    private static final Set<ProcessTree> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<ServiceProcess> SERVICES = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private LiveProcesses() {}

    static void add(ProcessTree tree) {
        hook();
        LIVE.add(tree);
    }

    static void add(ServiceProcess service) {
        hook();
        SERVICES.add(service);
    }

    private static void hook() {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::killAll, "smoke-process-cleanup"));
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the caller's own deadline handling still applies
            }
        }
    }

    static void remove(ProcessTree tree) {
        LIVE.remove(tree);
    }

    static void remove(ServiceProcess service) {
        SERVICES.remove(service);
    }

    /** Whether {@code tree} is registered; for tests. */
    static boolean contains(ProcessTree tree) {
        return LIVE.contains(tree);
    }

    /** Whether {@code service} is registered; for tests. */
    static boolean contains(ServiceProcess service) {
        return SERVICES.contains(service);
    }

    /**
     * Kills every registered service's tree, noting it in the service's log, then every registered
     * tree; run by the shutdown hook.
     */
    static void killAll() {
        for (ServiceProcess service : SERVICES) {
            service.shutdown(SHUTDOWN_GRACE);
            SERVICES.remove(service);
        }
        for (ProcessTree tree : LIVE) {
            tree.killAtShutdown(SHUTDOWN_GRACE);
            LIVE.remove(tree);
        }
    }
}
