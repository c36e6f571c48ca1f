package dev.smokegate.smoke.process;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command just started the way every command of the gate is started, by {@link ProcessRunner} for
 * a step and by {@link ServiceProcess} for a service: in its working directory, with the cookie
 * {@value ProcessTree#COOKIE_VARIABLE} in its environment so that its whole tree can be found later,
 * standard input closed, and both output streams pumped by a thread each through a fixed {@value
 * ProcessRunner#BUFFER_BYTES}-byte buffer into the {@link OutputLogs}.
 *
 * <p>The caller registers the tree with {@link LiveProcesses}, waits, ends the tree and finally
 * {@link #closeStreams() closes the streams}.
 */
final class StartedCommand {

    private final Process process;
    private final ProcessTree tree;
    private final Thread stdout;
    private final Thread stderr;

    private StartedCommand(Process process, ProcessTree tree, Thread stdout, Thread stderr) {
        this.process = process;
        this.tree = tree;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code spec} with its output going to {@code out}.
     *
     * @param spec what to run
     * @param out the open logs the output is pumped into
     * @return the running command
     * @throws IOException if the working directory does not exist ({@code working directory <dir>
     *     does not exist}) or the program cannot be started; the message is what a user reads
     */
    static StartedCommand start(CommandSpec spec, OutputLogs out) throws IOException {
        if (!Files.isDirectory(spec.cwd())) {
            throw new IOException("working directory " + spec.cwd() + " does not exist");
        }
        String cookie = ProcessTree.newCookie();
        ProcessBuilder builder =
                new ProcessBuilder(spec.command()).directory(spec.cwd().toFile());
        Map<String, String> env = builder.environment();
        env.putAll(spec.env());
        env.put(ProcessTree.COOKIE_VARIABLE, ProcessTree.cookieValue(env.get(ProcessTree.COOKIE_VARIABLE), cookie));
        Process process = builder.start();
        closeQuietly(process.getOutputStream());
        long pid = process.pid();
        Thread stdout = pump(process.getInputStream(), out, OutputLogs.Source.STDOUT, "smoke-stdout-" + pid);
        Thread stderr = pump(process.getErrorStream(), out, OutputLogs.Source.STDERR, "smoke-stderr-" + pid);
        return new StartedCommand(process, new ProcessTree(process.toHandle(), cookie), stdout, stderr);
    }

    /** The started process, the root of {@link #tree()}. */
    Process process() {
        return process;
    }

    /** The process and everything it forks. */
    ProcessTree tree() {
        return tree;
    }

    /**
     * Waits until both streams reached their end (every process holding them has ended), at most
     * {@code grace} in total.
     *
     * @return false if a stream is still open after {@code grace}
     */
    boolean drain(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : new Thread[] {stdout, stderr}) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return !stdout.isAlive() && !stderr.isAlive();
    }

    /** Closes both output streams, which ends a pump still reading one. */
    void closeStreams() {
        closeQuietly(process.getInputStream());
        closeQuietly(process.getErrorStream());
    }

    private static Thread pump(InputStream in, OutputLogs out, OutputLogs.Source source, String name) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[ProcessRunner.BUFFER_BYTES];
                    try {
                        int n;
                        while ((n = in.read(buffer)) != -1) {
                            if (!out.write(source, buffer, n)) {
                                return;
                            }
                        }
                    } catch (IOException e) {
                        // the caller closed the stream after giving up on it
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing left to do with a stream of a process that has ended
        }
    }
}
