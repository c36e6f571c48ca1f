package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.workspace.CheckoutCopier;
import dev.smokegate.smoke.workspace.Fingerprint;
import dev.smokegate.smoke.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The fingerprints of the user's checkouts taken before the gate ({@link Fingerprint#of}), on one
 * background thread while the first workspaces are prepared: the copy and the clone only read a
 * checkout, so the two can overlap. No step may run before the fingerprints are complete, since a
 * step is what could change a checkout: {@link ScenarioRunner} calls {@link #awaitBeforeSteps}
 * between a scenario's workspace and its first step.
 *
 * <p>One checkout, the one the first scenario copies, can instead be fingerprinted by that copy's
 * own walk ({@link CheckoutCopier#update(Path, Path, dev.smokegate.smoke.model.UntrackedMode, Path,
 * Consumer)}), so that it is walked once and not twice: the copy {@linkplain #claim claims} it. A
 * claim is possible only until the first scenario reaches its steps ({@link #awaitBeforeSteps}
 * releases what is unclaimed): a copy made later could see what an earlier step changed. The
 * background thread fingerprints the other checkouts first, then waits for the claimed fingerprint;
 * when none comes (not claimed, or the copy failed or could not record it), it takes it itself.
 *
 * <p>A checkout that cannot be fingerprinted (not a git working tree, unreadable index) is left out,
 * with a debug line saying why; the gate then does not check it afterwards.
 */
final class CheckoutFingerprints {

    private final Map<Path, Fingerprint> taken = Collections.synchronizedMap(new LinkedHashMap<>());
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<Path> order;
    private final Path claimable;
    private final CompletableFuture<Fingerprint> fromCopy = new CompletableFuture<>();
    private boolean claimed;
    private boolean released;

    private CheckoutFingerprints(List<Path> order, Path claimable) {
        this.order = List.copyOf(order);
        this.claimable = claimable;
    }

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
        return start(checkouts, null, gateDirectory, display, log);
    }

    /**
     * As {@link #start(List, Path, Function, SmokeLog)}, leaving one checkout to a copy that {@link
     * #claim}s it.
     *
     * @param checkouts the checkout folders, without duplicates
     * @param claimable the one of them the first scenario copies, or {@code null}
     * @param gateDirectory the gate's work directory
     * @param display how a path is shown in the debug lines
     * @param log where the timing lines go
     * @return the fingerprints being taken
     */
    static CheckoutFingerprints start(
            List<Path> checkouts, Path claimable, Path gateDirectory, Function<Path, String> display, SmokeLog log) {
        CheckoutFingerprints fingerprints = new CheckoutFingerprints(
                checkouts, claimable != null && checkouts.contains(claimable) ? claimable : null);
        if (checkouts.isEmpty()) {
            fingerprints.done.countDown();
            return fingerprints;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        for (Path path : fingerprints.order) {
                            if (!path.equals(fingerprints.claimable)) {
                                fingerprints.take(path, gateDirectory, display, log);
                            }
                        }
                        if (fingerprints.claimable != null) {
                            Fingerprint copied = fingerprints.fromCopy.join();
                            if (copied == null) {
                                fingerprints.take(fingerprints.claimable, gateDirectory, display, log);
                            } else {
                                log.debug("[smoke] timing: fingerprint before the gate of "
                                        + display.apply(fingerprints.claimable) + " (recorded by its copy's walk): "
                                        + copied.timings());
                                fingerprints.taken.put(fingerprints.claimable, copied);
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

    private void take(Path path, Path gateDirectory, Function<Path, String> display, SmokeLog log) {
        try {
            Fingerprint fingerprint = Fingerprint.of(path, gateDirectory);
            log.debug("[smoke] timing: fingerprint before the gate of " + display.apply(path) + ": "
                    + fingerprint.timings());
            taken.put(path, fingerprint);
        } catch (WorkspaceException | RuntimeException e) {
            log.debug("[smoke] no fingerprint for " + path + ": " + e.getMessage());
        }
    }

    /**
     * Claims a checkout's fingerprint before the gate for a copy that is about to be made, which then
     * records it from its own walk.
     *
     * @param checkout the checkout the copy reads, as {@link #start} was given it
     * @return what the copy hands the fingerprint to ({@code null}: none could be recorded); it must be
     *     called at least once, also when the copy fails, and later calls are ignored. {@code null}
     *     when the checkout cannot be claimed: it is not the claimable one, another copy claimed it,
     *     or a scenario has reached its steps
     */
    synchronized Consumer<Fingerprint> claim(Path checkout) {
        if (claimed || released || !checkout.equals(claimable)) {
            return null;
        }
        claimed = true;
        return fromCopy::complete;
    }

    /**
     * Ends the time for claims: an unclaimed fingerprint is taken by the background thread. Called
     * before any step, and by the engine when the run ends early, so the thread never waits forever.
     */
    synchronized void release() {
        if (!released) {
            released = true;
            if (!claimed) {
                fromCopy.complete(null);
            }
        }
    }

    /**
     * Waits until every fingerprint is taken; a step may run after it returns. When the waiting
     * thread is interrupted (the gate is being stopped), it returns at once with the interrupt flag
     * set, and the step that follows sees the interruption.
     */
    void awaitBeforeSteps() {
        release();
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
        Map<Path, Fingerprint> inOrder = new LinkedHashMap<>();
        synchronized (taken) {
            for (Path path : order) {
                Fingerprint fingerprint = taken.get(path);
                if (fingerprint != null) {
                    inOrder.put(path, fingerprint);
                }
            }
        }
        return inOrder;
    }

    @Override
    public String toString() {
        synchronized (taken) {
            return "CheckoutFingerprints[done=" + (done.getCount() == 0) + ", taken=" + taken.keySet() + "]";
        }
    }
}
