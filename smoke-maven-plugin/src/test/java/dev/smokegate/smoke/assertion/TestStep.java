package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.process.StepLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A finished step on disk for checks to read: a working directory and three logs. */
final class TestStep {

    final Path workDir;
    final StepLogs logs;

    TestStep(Path root) throws IOException {
        workDir = Files.createDirectories(root.resolve("work"));
        logs = StepLogs.in(Files.createDirectories(root.resolve("logs")), "01-step.log");
    }

    TestStep stdout(String text) throws IOException {
        Files.writeString(logs.stdout(), text, StandardCharsets.UTF_8);
        return this;
    }

    TestStep stderr(String text) throws IOException {
        Files.writeString(logs.stderr(), text, StandardCharsets.UTF_8);
        return this;
    }

    TestStep combined(String text) throws IOException {
        Files.writeString(logs.combined(), text, StandardCharsets.UTF_8);
        return this;
    }

    /** Writes {@code text} to {@code relative} under the working directory, creating folders. */
    TestStep file(String relative, String text) throws IOException {
        Path file = workDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    TestStep dir(String relative) throws IOException {
        Files.createDirectories(workDir.resolve(relative));
        return this;
    }

    StepOutput output() {
        return output(0);
    }

    StepOutput output(int exitCode) {
        return new StepOutput(workDir, logs, exitCode);
    }
}
