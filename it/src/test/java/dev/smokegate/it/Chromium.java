package dev.smokegate.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, as the browser tests run it: it takes a screenshot of a page
 * and dumps the page's DOM after layout. It runs as root in CI, hence {@code --no-sandbox}; it gets
 * a profile folder of its own and no background networking. Absent, a test that needs it fails with
 * how to install it ({@code .ci/run} installs it); it is never skipped quietly.
 */
final class Chromium {
    /** How long one run may take before it is killed. */
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path work;

    private Chromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /**
     * @param work a folder for the browser's profile and output
     * @return the {@code chromium} found on the {@code PATH}
     * @throws AssertionError when there is none, saying how to install it
     */
    static Chromium onPath(Path work) throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new Chromium(candidate, Files.createDirectories(work));
                }
            }
        }
        return fail("chromium is not installed: no chromium or chromium-browser on the PATH (" + path + "). This"
                + " test renders target/smoke/index.html in a real browser. Install Debian's package as root:"
                + " apt-get install -y chromium (.ci/run installs it when it is missing).");
    }

    /**
     * Renders {@code page} and saves a screenshot of it.
     *
     * @param page the HTML file
     * @param png where the screenshot goes
     * @param width the window's width in pixels
     * @param height its height
     */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run("screenshot", "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, page);
        if (!Files.isRegularFile(png)) {
            fail("chromium wrote no screenshot " + png + "; its output is in " + work);
        }
    }

    /**
     * @param page the HTML file
     * @return the page's DOM after the browser parsed and laid it out, serialized
     */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return Files.readString(run("dump-dom", "--dump-dom", page), StandardCharsets.UTF_8);
    }

    /** Runs the browser once on {@code page}; returns the file its standard output went to. */
    private Path run(String name, String option, Path page) throws IOException, InterruptedException {
        return run(name, option, null, page);
    }

    private Path run(String name, String option, String window, Path page) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + work.resolve("profile-" + name).toAbsolutePath(),
                option));
        if (window != null) {
            command.add(window);
        }
        command.add(page.toUri().toString());
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command)
                    + "; its errors: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        if (process.exitValue() != 0) {
            fail("chromium exited with " + process.exitValue() + ": " + String.join(" ", command) + "; its errors: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return out;
    }
}
