package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.Requirements.CommandRequirement;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code requires.commands}: the command is an executable file in a folder of the environment's
 * {@code PATH} (searched in order, as {@code execvp} does), and, when a version floor is given, the
 * first version-looking token of {@code <command> --version} (stdout and stderr together) is that
 * version or later. {@code --version} runs in the environment, with no input, and is killed with its
 * children when it has not exited within the timeout.
 *
 * @param command the command and its version floor
 */
record CommandCheck(CommandRequirement command) implements Check {
    /** How much of the {@code --version} output is read. */
    private static final int MAX_OUTPUT = 64 * 1024;

    @Override
    public String name() {
        return "command " + command;
    }

    @Override
    public String rule() {
        return "host.requires.command";
    }

    @Override
    public HostCheck run(Host host, Duration timeout) {
        Optional<Path> found = onPath(command.name(), host.environment().get("PATH"));
        if (found.isEmpty()) {
            return fail("not found on PATH");
        }
        Path path = found.get();
        String invocation = "'" + command.name() + " --version'";
        String output;
        try {
            output = versionOutput(path, host, timeout);
        } catch (IOException e) {
            return command.minimumVersion() == null
                    ? pass(path + " (" + invocation + " cannot run: " + e.getMessage() + ")")
                    : fail(path + ": " + invocation + " cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(path + ": interrupted while running " + invocation);
        }
        if (output == null) {
            String late = invocation + " did not finish within " + Words.duration(timeout) + " and was killed";
            return command.minimumVersion() == null ? pass(path + " (" + late + ")") : fail(path + ": " + late);
        }
        Optional<String> version = Versions.firstVersion(output);
        if (command.minimumVersion() == null) {
            return pass(path + version.map(v -> " " + v).orElse(""));
        }
        if (version.isEmpty()) {
            String firstLine = output.strip().lines().findFirst().orElse("");
            return fail(path + ": no version in the output of " + invocation
                    + (firstLine.isEmpty() ? " (it printed nothing)" : ": " + firstLine));
        }
        return Versions.atLeast(version.get(), command.minimumVersion())
                ? pass(path + " " + version.get())
                : fail(path + " is version " + version.get() + ", older than " + command.minimumVersion());
    }

    /**
     * @param name the command, or a path with a '/'
     * @param searchPath the {@code PATH}, or {@code null}
     * @return the first executable regular file of that name
     */
    static Optional<Path> onPath(String name, String searchPath) {
        if (name.contains("/") || name.contains(File.separator)) {
            Path path = Path.of(name).toAbsolutePath();
            return executable(path) ? Optional.of(path) : Optional.empty();
        }
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String folder : searchPath.split(File.pathSeparator, -1)) {
            Path candidate =
                    Path.of(folder.isEmpty() ? "." : folder).resolve(name).toAbsolutePath();
            if (executable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean executable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    /** @return what {@code --version} printed; {@code null} when it was killed after the timeout */
    private static String versionOutput(Path path, Host host, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("smoke-version-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(path.toString(), "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().putAll(host.environment());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return null;
            }
            byte[] bytes = Files.readAllBytes(output);
            return new String(bytes, 0, Math.min(bytes.length, MAX_OUTPUT), StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
