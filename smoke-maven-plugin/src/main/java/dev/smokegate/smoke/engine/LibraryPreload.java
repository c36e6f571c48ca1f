package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.report.ReportClasses;
import dev.smokegate.smoke.workspace.GitLibrary;
import java.io.IOException;
import java.util.List;

/**
 * Starts the first use of the gate's libraries on a daemon thread at the start of a gate, while the
 * main thread reads the manifest: JGit ({@link GitLibrary#load()}), then Jackson and StAX
 * ({@link ReportClasses#load()}). In a new JVM, each is 50 to 200 milliseconds of class loading and
 * initialisation (for JGit also two {@code git} processes) that the gate would otherwise pay on its
 * main thread, one after the other: JGit when the ratchet or the first workspace opens a repository,
 * Jackson when the ratchet reads its cache or the reports are written. On a machine with a spare
 * processor the two overlap.
 *
 * <p>It changes no result: each library keeps only what it would have kept after its first real use.
 * A failure here is ignored, because the real use that follows fails the same way and reports it
 * where it belongs (a workspace that cannot be made, a report that cannot be written).
 */
final class LibraryPreload {
    /** The thread's name, as a thread dump shows it. */
    static final String THREAD = "smoke-preload";

    /** One library's first use. */
    @FunctionalInterface
    interface Load {
        void run() throws IOException;
    }

    private LibraryPreload() {}

    /**
     * @return the started daemon thread
     */
    static Thread start() {
        return start(GitLibrary::load, ReportClasses::load);
    }

    /**
     * Runs each load in turn on a daemon thread; a load that fails does not stop the next.
     *
     * @param loads the first uses, in order
     * @return the started daemon thread
     */
    static Thread start(Load... loads) {
        List<Load> all = List.of(loads);
        Thread thread = new Thread(() -> all.forEach(LibraryPreload::quietly), THREAD);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Runs one load and ignores its failure: the real use that follows fails the same way and reports
     * it where it belongs. That includes a {@link LinkageError}: when the gate ends early (a manifest
     * it rejects, a task no scenario protects), Maven closes the plugin's class realm while this
     * thread may still be loading classes, and the error must not reach the console as a stack trace
     * from a thread the user never asked for.
     */
    private static void quietly(Load load) {
        try {
            load.run();
        } catch (IOException | RuntimeException | LinkageError e) {
            // ignored, see above
        }
    }
}
