package dev.smokegate.smoke.process;

import dev.smokegate.fixtures.FixtureRepos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The fixture HTTP service of {@code smoke-fixtures}, compiled once per test class so that each
 * start costs a JVM start and no compilation.
 */
final class ServiceFixture {

    private final Path classes;

    private ServiceFixture(Path classes) {
        this.classes = classes;
    }

    /** Writes the fixture's source under {@code dir} and compiles it there. */
    static ServiceFixture compile(Path dir) throws IOException {
        Path source = FixtureRepos.writeServiceSource(dir.resolve("src/ServiceMain.java"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new IOException("cannot compile the service fixture: " + messages.toString(StandardCharsets.UTF_8));
        }
        return new ServiceFixture(classes);
    }

    /** The command that runs the service on {@code port} with the given mode flags, in {@code cwd}. */
    CommandSpec command(Path cwd, int port, String... flags) {
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classes.toString(),
                "dev.smokegate.fixtures.service.ServiceMain",
                "--port",
                Integer.toString(port)));
        args.addAll(List.of(flags));
        return CommandSpec.args(args, cwd, Map.of());
    }
}
