package dev.smokegate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;
import org.eclipse.jgit.util.FileUtils;

/**
 * Forks a real {@code mvn} against a sample project copied from {@code src/it/projects}, with the
 * plugin taken from the isolated local repository that {@code invoker:install} filled. Remote lookups
 * go to the user's own local repository (as a {@code file://} repository) and then to the usual
 * remote repositories.
 *
 * <p>Which {@code mvn} and which JDK: {@code smoke.it.mavenHome} (the one running this build by
 * default; {@code -Dsmoke.it.mavenVersion=3.9.16} makes the build unpack that release and point here),
 * and {@code smoke.it.jdk}, a Java feature version such as {@code 25} that {@link JavaHomes} finds
 * among the installed JDKs, as {@code JAVA_HOME} of the forked build (the JDK running this build when
 * blank). The forked Maven's {@code bin} comes first on the {@code PATH} of the forked build, so the
 * {@code mvn} steps of the gate run on it too, with that {@code JAVA_HOME}.
 */
final class ForkedMaven {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    /** A finished build: its exit code and every line it printed. */
    record Result(int exitCode, List<String> lines, Path log) {
        /** The lines of the {@code [smoke]} report and the summary, without Maven's level prefix. */
        List<String> smokeLines() {
            return lines.stream()
                    .map(ForkedMaven::withoutLevel)
                    .filter(line -> line.startsWith("[smoke]") || line.startsWith("Smoke: "))
                    .toList();
        }

        /** The last line the gate printed. */
        String summary() {
            List<String> smoke = smokeLines();
            return smoke.isEmpty() ? "(no smoke output)" : smoke.get(smoke.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", log " + log;
        }
    }

    private ForkedMaven() {}

    /** Copies sample project {@code name} into a fresh folder named {@code test}, filling in the plugin version. */
    static Path project(String name, String test) throws IOException {
        Path source = Path.of(System.getProperty("smoke.it.projects")).resolve(name);
        Path target = work().resolve(test);
        deleteRecursively(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    String text = Files.readString(file, StandardCharsets.UTF_8)
                            .replace("@smoke.version@", System.getProperty("smoke.it.pluginVersion"));
                    Files.writeString(copy, text, StandardCharsets.UTF_8);
                }
            }
        }
        return target;
    }

    /** A scratch folder for fixture repositories of one test. */
    static Path scratch(String test) throws IOException {
        Path dir = work().resolve(test + "-fixtures");
        deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    /** Runs {@code mvn -B <args>} in {@code project} and collects its output. */
    static Result mvn(Path project, String... args) throws MavenInvocationException, IOException {
        return mvnWithServers(project, "", args);
    }

    /**
     * Runs {@code mvn -B <args>} in {@code project} with {@code environment} added to the environment
     * it inherits (and so to every process it starts), and collects its output.
     */
    static Result mvn(Path project, Map<String, String> environment, String... args)
            throws MavenInvocationException, IOException {
        return start(project, environment, args).await();
    }

    /**
     * Runs {@code mvn -B <args>} in {@code project} with {@code <server>} elements added to the IT
     * settings (in a settings file of the project's own), and collects its output.
     */
    static Result mvnWithServers(Path project, String servers, String... args)
            throws MavenInvocationException, IOException {
        return start(project, servers, Map.of(), args).await();
    }

    /**
     * Forks {@code mvn -B <args>} in {@code project} with {@code environment} added, without waiting
     * for it: {@link Running#lines()} fills while it runs, {@link Running#await()} waits for the end.
     */
    static Running start(Path project, Map<String, String> environment, String... args) throws IOException {
        return start(project, "", environment, args);
    }

    private static Running start(Path project, String servers, Map<String, String> environment, String... args)
            throws IOException {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        InvocationRequest request = new DefaultInvocationRequest();
        request.setBaseDirectory(project.toFile());
        request.setBatchMode(true);
        request.setUserSettingsFile(
                settings(servers.isEmpty() ? work() : project, servers).toFile());
        request.setLocalRepositoryDirectory(new java.io.File(System.getProperty("smoke.it.repository")));
        request.addArgs(Arrays.asList(args));
        // The gate's steps run `mvn` from PATH: the forked Maven's, so they run on it too.
        request.addShellEnvironment(
                "PATH", mavenHome().resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        environment.forEach(request::addShellEnvironment);
        request.setOutputHandler(lines::add);
        request.setErrorHandler(lines::add);
        request.setTimeoutInSeconds(900);
        javaHome().ifPresent(home -> request.setJavaHome(home.toFile()));
        // On the request, and the executable by its absolute path: the invoker prefers the system
        // property maven.home (this build's Maven) to a home set on the invoker itself.
        request.setMavenHome(mavenHome().toFile());
        request.setMavenExecutable(mavenHome().resolve("bin/mvn").toFile());
        DefaultInvoker invoker = new DefaultInvoker();
        invoker.setMavenHome(mavenHome().toFile());
        CompletableFuture<InvocationResult> execution = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return invoker.execute(request);
                    } catch (MavenInvocationException e) {
                        throw new CompletionException(e);
                    }
                },
                task -> {
                    Thread thread = new Thread(task, "forked-mvn " + project.getFileName());
                    thread.setDaemon(true);
                    thread.start();
                });
        return new Running(project, lines, execution);
    }

    /** A build forked by {@link #start}: its output so far, and its end. */
    record Running(Path project, List<String> lines, CompletableFuture<InvocationResult> execution) {
        /** A copy of the lines printed so far, without ANSI colours. */
        List<String> linesSoFar() {
            synchronized (lines) {
                return lines.stream()
                        .map(line -> ANSI.matcher(line).replaceAll(""))
                        .toList();
            }
        }

        /**
         * Waits until a file the build writes (a step's log) contains {@code text}: proof that the step's
         * process got that far, which a console line printed before the process starts is not.
         *
         * @throws AssertionError when the build ends first, or {@code patience} passes
         */
        void awaitInFile(Path file, String text, Duration patience) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!Files.exists(file)
                    || !Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
                if (execution.isDone()) {
                    throw new AssertionError(
                            "mvn ended before " + file + " held '" + text + "': " + String.join("\n", linesSoFar()));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("no '" + text + "' in " + file + " after " + patience.toSeconds()
                            + " s; the build printed:\n" + String.join("\n", linesSoFar()));
                }
                Thread.sleep(100);
            }
        }

        /** Waits for the build to end, writes its output to {@code build.log} and returns it. */
        Result await() throws MavenInvocationException, IOException {
            InvocationResult result;
            try {
                result = execution.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MavenInvocationException("interrupted while waiting for mvn", e);
            } catch (ExecutionException e) {
                throw new MavenInvocationException("mvn could not be forked", e.getCause());
            }
            if (result.getExecutionException() != null) {
                throw new MavenInvocationException("mvn could not be forked", result.getExecutionException());
            }
            Path log = project.resolve("build.log");
            List<String> plain = linesSoFar();
            Files.write(log, plain, StandardCharsets.UTF_8);
            return new Result(result.getExitCode(), plain, log);
        }
    }

    /** The Maven installation the ITs fork: {@code smoke.it.mavenHome}, else {@code maven.home}. */
    static Path mavenHome() {
        String home = System.getProperty("smoke.it.mavenHome", "");
        return Path.of(home.isBlank() ? System.getProperty("maven.home") : home);
    }

    /**
     * The {@code JAVA_HOME} of the forked builds: the JDK of feature version {@code smoke.it.jdk}, or
     * empty (the inherited one) when that property is blank.
     *
     * @throws IllegalStateException when no installed JDK has that version; the message lists where it looked
     */
    static java.util.Optional<Path> javaHome() {
        String version = System.getProperty("smoke.it.jdk", "");
        if (version.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(JavaHomes.find(Integer.parseInt(version.strip()), JavaHomes.JVM_DIRECTORY));
    }

    private static String withoutLevel(String line) {
        return line.replaceFirst("^\\[(INFO|WARNING|ERROR|DEBUG)] ", "");
    }

    private static Path work() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("smoke.it.work")));
    }

    /** Settings that add the user's local repository as a remote, the way maven-invoker-plugin's ITs do. */
    private static Path settings(Path folder, String servers) throws IOException {
        Path settings = folder.resolve("it-settings.xml");
        String userRepository =
                Path.of(System.getProperty("smoke.it.userRepository")).toUri().toString();
        String repository = "<repository><id>it.user-repository</id><url>" + userRepository + "</url>"
                + "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></repository>";
        String xml = "<settings>\n  <profiles>\n    <profile>\n      <id>it-repositories</id>\n"
                + "      <repositories>" + repository + "</repositories>\n"
                + "      <pluginRepositories>" + repository.replace("repository>", "pluginRepository>")
                + "</pluginRepositories>\n    </profile>\n  </profiles>\n"
                + "  <activeProfiles><activeProfile>it-repositories</activeProfile></activeProfiles>\n"
                + (servers.isEmpty() ? "" : "  <servers>" + servers + "</servers>\n")
                + "</settings>\n";
        Files.writeString(settings, xml, StandardCharsets.UTF_8);
        return settings;
    }

    /** Deletes a folder the test owns, with JGit's recursive delete (it never follows symlinks). */
    static void deleteRecursively(Path path) throws IOException {
        FileUtils.delete(path.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    }
}
