package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.workspace.Fingerprint;
import dev.smokegate.smoke.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The fingerprints of the user's checkouts taken before the gate ({@link Fingerprint#of}), on one
 * background thread while the first workspaces are prepared: the copy and the clone only read a
 * checkout, so the two can overlap. No step may run before the fingerprints are complete, since a
 * step is what could change a checkout: {@link ScenarioRunner} calls {@link #awaitBeforeSteps}
 * between a scenario's workspace and its first step.
 *
 * <p>A checkout that cannot be fingerprinted (not a git working tree, unreadable index) is left out,
 * with a debug line saying why; the gate then does not check it afterwards.
 */
final class CheckoutFingerprints {

    private final Map<Path, Fingerprint> taken = Collections.synchronizedMap(new LinkedHashMap<>());
    private final CountDownLatch done = new CountDownLatch(1);

    private CheckoutFingerprints() {}

    /**
     * Starts fingerprinting {@code checkouts}, one after the other, on a daemon thread.
     *
     * @param checkouts the checkout folders, without duplicates
     * @param gateDirectory the gate's work directory (measures the file system's timestamp resolution
     *     there, see {@link Fingerprint#of(Path, Path)})
     * @param display how a path is shown in the debug lines
     * @param log where the timing lines ({@code [smoke] timing: fingerprint before the gate of …}) go
     * @return the fingerprints being taken
     */
    static CheckoutFingerprints start(
            List<Path> checkouts, Path gateDirectory, Function<Path, String> display, SmokeLog log) {
        CheckoutFingerprints fingerprints = new CheckoutFingerprints();
        if (checkouts.isEmpty()) {
            fingerprints.done.countDown();
            return fingerprints;
        }
        List<Path> paths = List.copyOf(checkouts);
        Thread thread = new Thread(
                () -> {
                    try {
                        for (Path path : paths) {
                            try {
                                Fingerprint fingerprint = Fingerprint.of(path, gateDirectory);
                                log.debug("[smoke] timing: fingerprint before the gate of " + display.apply(path) + ": "
                                        + fingerprint.timings());
                                fingerprints.taken.put(path, fingerprint);
                            } catch (WorkspaceException | RuntimeException e) {
                                log.debug("[smoke] no fingerprint for " + path + ": " + e.getMessage());
                            }
                        }
                    } finally {
                        fingerprints.done.countDown();
                    }
                },
                "smoke-fingerprint");
        thread.setDaemon(true);
        thread.start();
        return fingerprints;
    }

    /**
     * Waits until every fingerprint is taken; a step may run after it returns. When the waiting
     * thread is interrupted (the gate is being stopped), it returns at once with the interrupt flag
     * set, and the step that follows sees the interruption.
     */
    void awaitBeforeSteps() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until every fingerprint is taken and returns them. When the waiting thread is interrupted
     * (the gate is being stopped), it returns the fingerprints taken so far, with the interrupt flag
     * set: the reports are still written.
     *
     * @return checkout folder → its fingerprint before the gate, in the order given to {@link #start};
     *     a checkout that could not be fingerprinted (or not yet, when interrupted) is missing
     */
    Map<Path, Fingerprint> await() {
        awaitBeforeSteps();
        synchronized (taken) {
            return new LinkedHashMap<>(taken);
        }
    }

    @Override
    public String toString() {
        synchronized (taken) {
            return "CheckoutFingerprints[done=" + (done.getCount() == 0) + ", taken=" + taken.keySet() + "]";
        }
    }
}
