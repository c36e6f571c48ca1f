package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark j: side by side with {@code maven-invoker-plugin}, the tool a Maven user would otherwise
 * pick to run real builds of sample projects. Six small Maven projects (the greeter fixture and five
 * variations) in one git checkout are built with {@code verify} by both tools, with the same
 * assertions:
 *
 * <ul>
 *   <li>{@code mvn invoker:run} ({@value #INVOKER_VERSION}, from Maven Central) with {@code
 *       cloneProjectsTo}, {@code goals verify}, an {@code invoker.properties} (expected failure,
 *       profile) and a {@code verify.groovy} per project;
 *   <li>{@code mvn smoke:verify}, one scenario per project ({@code source.checkout}), one step
 *       {@code mvn -B -o verify} with {@code expect.exit}, {@code expect.stdout.contains} and {@code
 *       expect.files.exist}.
 * </ul>
 *
 * <p>Each with 1 thread and with 2 ({@code -Dinvoker.parallelThreads=2}, {@code -Dsmoke.threads=2}),
 * alternating in each round. Each timed run starts without the earlier run's output (its {@code
 * target} folder deleted untimed, as after {@code mvn clean}), for both tools. Checked every run: invoker reports {@code Passed: 6, Failed: 0} and
 * left a {@code build.log} for each project; the gate reports {@code Smoke: 6 passed, 0 failed}.
 * Target: smoke at most 1.0 times invoker, for each thread count (medians).
 */
final class InvokerBench {

    static final String NAME = "invoker-side-by-side";

    static final String INVOKER_VERSION = "3.9.0";

    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private static final String GREETER = "/fixtures/greeter/";

    private static final String PACKAGE = "src/main/java/dev/smokegate/fixtures/greeter/";

    private static final String TEST_PACKAGE = "src/test/java/dev/smokegate/fixtures/greeter/";

    private static final String JAR = "target/greeter-1.0.0-SNAPSHOT.jar";

    /**
     * One sample project and what both tools assert about its build.
     *
     * @param name its folder and scenario name
     * @param success whether {@code verify} must succeed
     * @param profile a profile to activate, or {@code null}
     * @param contains lines the build's output must hold
     * @param files files the build must leave, relative to the project
     */
    private record Sample(String name, boolean success, String profile, List<String> contains, List<String> files) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample("greeter", true, null, List.of("Tests run: 4, Failures: 0", "BUILD SUCCESS"), List.of(JAR)),
            new Sample(
                    "multi-module",
                    true,
                    null,
                    List.of("Tests run: 1, Failures: 0", "Reactor Summary", "BUILD SUCCESS"),
                    List.of(
                            "core/target/greeter-core-1.0.0-SNAPSHOT.jar",
                            "app/target/greeter-app-1.0.0-SNAPSHOT.jar")),
            new Sample(
                    "failing-test",
                    false,
                    null,
                    List.of("Tests run: 5, Failures: 1", "BUILD FAILURE"),
                    List.of("target/surefire-reports")),
            new Sample(
                    "generated-source",
                    true,
                    null,
                    List.of("Tests run: 5, Failures: 0", "BUILD SUCCESS"),
                    List.of("target/generated-sources/version/dev/smokegate/fixtures/greeter/Version.java", JAR)),
            new Sample("profile", true, "loud", List.of("Tests run: 5, Failures: 0", "BUILD SUCCESS"), List.of(JAR)),
            new Sample(
                    "compile-error",
                    false,
                    null,
                    List.of("COMPILATION ERROR", "cannot find symbol", "BUILD FAILURE"),
                    List.of()));

    private final Path work;
    private final Results results;

    InvokerBench(Path work, Results results) {
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Commands.delete(work);
        Path samples = work.resolve("samples");
        writeSamples(samples);
        Path invoker = work.resolve("invoker");
        writeInvokerProject(invoker, samples);
        SmokeProject smoke = SmokeProject.write(work.resolve("smoke"), "smoke-side-by-side", manifest(samples));
        Path raw = results.raw(NAME);

        // Invoker and its Groovy may not be in the local repository yet: one untimed run that may
        // download them (the timed runs are offline, like the gate's).
        Commands.Result first = Commands.run(
                invoker, Map.of(), TIMEOUT, raw.resolve("invoker-first.log"), List.of("mvn", "-B", "invoker:run"));
        checkInvoker(invoker, first, raw.resolve("invoker-first.log"));

        Map<String, List<Double>> samplesByMethod = new LinkedHashMap<>();
        for (int round = 0; round <= runs; round++) {
            for (int k = 0; k < 4; k++) {
                int which = (k + round) % 4;
                int threads = which < 2 ? 1 : 2;
                boolean useSmoke = which % 2 == 0;
                String method = (useSmoke ? "smoke:verify" : "invoker:run") + ", " + threads + " thread(s)";
                Path log = raw.resolve((useSmoke ? "smoke" : "invoker") + "-t" + threads + "-" + round + ".log");
                // Both tools start from the same state, without an earlier run's output (as after
                // `mvn clean`): invoker's target/its would make its builds incremental, and the
                // gate's earlier scenario folders would be moved aside and deleted during the run.
                Commands.delete((useSmoke ? smoke.dir() : invoker).resolve("target"));
                Commands.sync();
                double millis;
                if (useSmoke) {
                    millis = smoke.verify(log, SAMPLES.size(), TIMEOUT, "-Dsmoke.threads=" + threads)
                            .millis();
                } else {
                    Commands.Result result = Commands.run(
                            invoker,
                            Map.of(),
                            TIMEOUT,
                            log,
                            List.of("mvn", "-B", "-o", "invoker:run", "-Dinvoker.parallelThreads=" + threads));
                    checkInvoker(invoker, result, log);
                    millis = result.millis();
                }
                results.sample(NAME, method, round, millis, "");
                if (round > 0) {
                    samplesByMethod
                            .computeIfAbsent(method, x -> new ArrayList<>())
                            .add(millis);
                }
            }
        }
        String n = " (median of " + runs + ")";
        for (int threads : new int[] {1, 2}) {
            double inv = Stats.median(samplesByMethod.get("invoker:run, " + threads + " thread(s)"));
            double smk = Stats.median(samplesByMethod.get("smoke:verify, " + threads + " thread(s)"));
            String t = threads + " thread" + (threads == 1 ? "" : "s");
            results.metric(NAME, "invoker:run, six projects, " + t + n, Stats.ms(inv), "ms", "", Verdict.NONE);
            results.metric(NAME, "smoke:verify, six projects, " + t + n, Stats.ms(smk), "ms", "", Verdict.NONE);
            results.metric(
                    NAME,
                    "smoke / invoker, " + t,
                    Stats.ratio(smk / inv, 1.0),
                    "x",
                    "<= 1.0",
                    smk <= inv ? Verdict.MET : Verdict.MISSED);
        }
    }

    /** Invoker passed all six and left a build log for each. */
    private static void checkInvoker(Path invoker, Commands.Result result, Path log) throws IOException {
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (result.exit() != 0
                || !output.contains("Passed: " + SAMPLES.size() + ", Failed: 0, Errors: 0, Skipped: 0")) {
            throw new IllegalStateException("invoker:run did not pass all " + SAMPLES.size() + " projects (exit "
                    + result.exit() + "); see " + log + ":\n" + result.output());
        }
        for (Sample sample : SAMPLES) {
            if (!Files.isRegularFile(
                    invoker.resolve("target/its").resolve(sample.name()).resolve("build.log"))) {
                throw new IllegalStateException("invoker did not build " + sample.name() + ": no build.log");
            }
        }
    }

    private static String manifest(Path samples) {
        StringBuilder manifest = new StringBuilder(
                "# Generated by smoke-bench (InvokerBench): the six sample projects, one scenario each.\nformat = 1\n");
        for (Sample sample : SAMPLES) {
            manifest.append("\n[[scenario]]\nname = \"")
                    .append(sample.name())
                    .append("\"\nsource.checkout = \"")
                    .append(samples.resolve(sample.name()))
                    .append("\"\n\n  [[scenario.step]]\n  name = \"verify\"\n  run = \"mvn -B -o verify")
                    .append(sample.profile() == null ? "" : " -P" + sample.profile())
                    .append("\"\n  expect.exit = ")
                    .append(sample.success() ? 0 : 1)
                    .append("\n  expect.stdout.contains = ")
                    .append(tomlList(sample.contains()))
                    .append('\n');
            if (!sample.files().isEmpty()) {
                manifest.append("  expect.files.exist = ")
                        .append(tomlList(sample.files()))
                        .append('\n');
            }
        }
        return manifest.toString();
    }

    private static String tomlList(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static void writeInvokerProject(Path dir, Path samples) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("pom.xml"),
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.smokegate.bench</groupId>
                  <artifactId>invoker-side-by-side</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <description>Generated by smoke-bench: the six sample projects through maven-invoker-plugin.</description>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-invoker-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <projectsDirectory>%s</projectsDirectory>
                          <cloneProjectsTo>${project.build.directory}/its</cloneProjectsTo>
                          <pomIncludes><pomInclude>*/pom.xml</pomInclude></pomIncludes>
                          <goals><goal>verify</goal></goals>
                          <postBuildHookScript>verify</postBuildHookScript>
                          <streamLogs>false</streamLogs>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """
                        .formatted(INVOKER_VERSION, samples));
    }

    /** The six projects, committed in one git checkout, each with its invoker files. */
    static void writeSamples(Path samples) throws IOException {
        String pom = resource("pom.xml");
        String greeter = resource(PACKAGE + "Greeter.java");
        String test = resource(TEST_PACKAGE + "GreeterTest.java");
        for (Sample sample : SAMPLES) {
            Path dir = samples.resolve(sample.name());
            switch (sample.name()) {
                case "multi-module" -> {
                    write(dir.resolve("pom.xml"), aggregator());
                    write(
                            dir.resolve("core/pom.xml"),
                            pom.replace("<artifactId>greeter</artifactId>", "<artifactId>greeter-core</artifactId>"));
                    write(dir.resolve("core/" + PACKAGE + "Greeter.java"), greeter);
                    write(dir.resolve("app/pom.xml"), appPom(pom));
                    write(dir.resolve("app/src/main/java/dev/smokegate/fixtures/app/App.java"), APP);
                    write(dir.resolve("app/src/test/java/dev/smokegate/fixtures/app/AppTest.java"), APP_TEST);
                }
                case "compile-error" -> {
                    write(dir.resolve("pom.xml"), pom);
                    write(
                            dir.resolve(PACKAGE + "Greeter.java"),
                            greeter.replaceFirst("\\}\\s*$", "    String broken() { return undefinedName(); }\n}\n"));
                    write(dir.resolve(TEST_PACKAGE + "GreeterTest.java"), test);
                }
                default -> {
                    write(dir.resolve(PACKAGE + "Greeter.java"), greeter);
                    write(dir.resolve(TEST_PACKAGE + "GreeterTest.java"), test);
                    write(dir.resolve("pom.xml"), pom);
                }
            }
            switch (sample.name()) {
                case "failing-test" -> write(
                        dir.resolve(TEST_PACKAGE + "ShoutTest.java"),
                        extraTest("ShoutTest", "assertEquals(\"HELLO, ADA\", new Greeter(\"hello\").greet(\"ada\"));"));
                case "generated-source" -> {
                    write(dir.resolve("pom.xml"), generatedSourcePom(pom));
                    write(dir.resolve("src/template/dev/smokegate/fixtures/greeter/Version.java"), VERSION_TEMPLATE);
                    write(
                            dir.resolve(TEST_PACKAGE + "VersionTest.java"),
                            extraTest("VersionTest", "assertEquals(\"1.0.0-SNAPSHOT\", Version.VALUE);"));
                }
                case "profile" -> {
                    write(dir.resolve("pom.xml"), profilePom(pom));
                    write(
                            dir.resolve(TEST_PACKAGE + "ProfileTest.java"),
                            extraTest(
                                    "ProfileTest", "assertEquals(\"loud\", System.getProperty(\"greeting.style\"));"));
                }
                default -> {}
            }
            write(dir.resolve("invoker.properties"), invokerProperties(sample));
            write(dir.resolve("verify.groovy"), verifyGroovy(sample));
        }
        write(samples.resolve(".gitignore"), "target/\n");
        RepoGenerator.git(samples, Duration.ofMinutes(1), "init", "-q", "-b", "main");
        RepoGenerator.git(samples, Duration.ofMinutes(1), "add", "-A");
        RepoGenerator.git(samples, Duration.ofMinutes(1), "commit", "-q", "-m", "six sample projects");
    }

    private static String invokerProperties(Sample sample) {
        return "# What smoke's scenario says with expect.exit and the -P of its step.\n"
                + "invoker.buildResult = " + (sample.success() ? "success" : "failure") + "\n"
                + (sample.profile() == null ? "" : "invoker.profiles = " + sample.profile() + "\n");
    }

    private static String verifyGroovy(Sample sample) {
        StringBuilder script = new StringBuilder("// The same assertions as the smoke scenario's expect block.\n"
                + "def log = new File(basedir, 'build.log').text\n");
        for (String line : sample.contains()) {
            script.append("assert log.contains('").append(line).append("')\n");
        }
        for (String file : sample.files()) {
            script.append("assert new File(basedir, '").append(file).append("').exists()\n");
        }
        return script.toString();
    }

    private static String aggregator() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.smokegate.fixtures</groupId>
                  <artifactId>greeter-multi-module</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <packaging>pom</packaging>
                  <modules>
                    <module>core</module>
                    <module>app</module>
                  </modules>
                </project>
                """;
    }

    private static String appPom(String pom) {
        return pom.replace("<artifactId>greeter</artifactId>", "<artifactId>greeter-app</artifactId>")
                .replace(
                        "<dependencies>",
                        """
                        <dependencies>
                            <dependency>
                              <groupId>dev.smokegate.fixtures</groupId>
                              <artifactId>greeter-core</artifactId>
                              <version>1.0.0-SNAPSHOT</version>
                            </dependency>""");
    }

    private static String generatedSourcePom(String pom) {
        return pom.replace(
                        "<artifactId>maven-resources-plugin</artifactId>\n        <version>3.3.1</version>",
                        """
                <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                        <executions>
                          <execution>
                            <id>generate-version</id>
                            <phase>generate-sources</phase>
                            <goals><goal>copy-resources</goal></goals>
                            <configuration>
                              <outputDirectory>${project.build.directory}/generated-sources/version</outputDirectory>
                              <resources><resource><directory>src/template</directory><filtering>true</filtering></resource></resources>
                            </configuration>
                          </execution>
                        </executions>""")
                .replace(
                        "<artifactId>maven-compiler-plugin</artifactId>\n        <version>3.13.0</version>",
                        """
                        <artifactId>maven-compiler-plugin</artifactId>
                                <version>3.13.0</version>
                                <executions>
                                  <execution>
                                    <id>default-compile</id>
                                    <configuration>
                                      <compileSourceRoots>
                                        <root>${project.basedir}/src/main/java</root>
                                        <root>${project.build.directory}/generated-sources/version</root>
                                      </compileSourceRoots>
                                    </configuration>
                                  </execution>
                                </executions>""");
    }

    private static String profilePom(String pom) {
        return pom.replace(
                "</build>",
                """
                </build>
                  <profiles>
                    <profile>
                      <id>loud</id>
                      <build>
                        <plugins>
                          <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-surefire-plugin</artifactId>
                            <configuration>
                              <systemPropertyVariables><greeting.style>loud</greeting.style></systemPropertyVariables>
                            </configuration>
                          </plugin>
                        </plugins>
                      </build>
                    </profile>
                  </profiles>""");
    }

    private static String extraTest(String name, String assertion) {
        return """
                package dev.smokegate.fixtures.greeter;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import org.junit.jupiter.api.Test;

                class %s {

                    @Test
                    void check() {
                        %s
                    }
                }
                """
                .formatted(name, assertion);
    }

    private static final String VERSION_TEMPLATE =
            """
            package dev.smokegate.fixtures.greeter;

            /** Generated at build time from src/template. */
            public final class Version {
                public static final String VALUE = "${project.version}";

                private Version() {}
            }
            """;

    private static final String APP =
            """
            package dev.smokegate.fixtures.app;

            import dev.smokegate.fixtures.greeter.Greeter;

            public final class App {
                public static String run(String name) {
                    return new Greeter("hello").greet(name);
                }
            }
            """;

    private static final String APP_TEST =
            """
            package dev.smokegate.fixtures.app;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            import org.junit.jupiter.api.Test;

            class AppTest {
                @Test
                void run_name_greets() {
                    assertEquals("hello, ada", App.run("ada"));
                }
            }
            """;

    private static String resource(String path) throws IOException {
        try (InputStream in = InvokerBench.class.getResourceAsStream(GREETER + path)) {
            if (in == null) {
                throw new IllegalStateException("the greeter fixture's " + path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
