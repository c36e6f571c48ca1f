package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.report.ReportClasses;
import dev.smokegate.smoke.workspace.GitLibrary;
import java.io.IOException;

/**
 * Starts the first use of the gate's libraries on a daemon thread at the start of a gate, while the
 * main thread reads the manifest: JGit ({@link GitLibrary#load()}), then Jackson and StAX
 * ({@link ReportClasses#load()}). In a new JVM, each is a few hundred milliseconds of class loading
 * and initialisation that the gate would otherwise pay on its main thread, one after the other:
 * JGit when the ratchet or the first workspace opens a repository, Jackson when the ratchet reads
 * its cache or the reports are written. On a machine with a spare processor the two overlap.
 *
 * <p>It changes no result: each library keeps only what it would have kept after its first real use.
 * A failure here is ignored, because the real use that follows fails the same way and reports it
 * where it belongs (a workspace that cannot be made, a report that cannot be written).
 */
final class LibraryPreload {
    /** The thread's name, as a thread dump shows it. */
    static final String THREAD = "smoke-preload";

    private LibraryPreload() {}

    /**
     * @return the started daemon thread
     */
    static Thread start() {
        Thread thread = new Thread(LibraryPreload::load, THREAD);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void load() {
        try {
            GitLibrary.load();
        } catch (RuntimeException e) {
            // the first repository the gate opens fails the same way, with a message that names it
        }
        try {
            ReportClasses.load();
        } catch (IOException | RuntimeException e) {
            // writing the reports fails the same way, with a message that names the file
        }
    }
}
