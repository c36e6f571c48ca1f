package dev.smokegate.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layering, stated as a test: {@code maven → engine → the rest → model}. {@link #ALLOWED} lists,
 * for every package, the other smoke packages it may use; any other use fails and names the file and
 * the import. Only {@code maven} may import {@code org.apache.maven}. A package missing from the table
 * fails too, so a new package has to say where it stands. Surefire runs with the module folder as
 * working directory, so the sources are at {@code src/main/java}.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "dev/smokegate/smoke/";
    private static final String PREFIX = "dev.smokegate.smoke.";
    /** An import, or a fully qualified name in code, of another smoke package or of Maven. */
    private static final Pattern USE =
            Pattern.compile("\\b(dev\\.smokegate\\.smoke\\.[a-z]+|org\\.apache\\.maven)\\.[\\w.]*");

    /** Every package and the smoke packages it may use (besides itself). */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("assertion", Set.of("model", "process")),
            Map.entry("classify", Set.of("model")),
            Map.entry("login", Set.of("model")),
            Map.entry("manifest", Set.of("model")),
            Map.entry("preflight", Set.of("model")),
            Map.entry("probe", Set.of("model")),
            Map.entry("process", Set.of("model")),
            Map.entry("report", Set.of("model")),
            Map.entry("workspace", Set.of("model", "login")),
            Map.entry(
                    "engine",
                    Set.of(
                            "model",
                            "manifest",
                            "workspace",
                            "process",
                            "probe",
                            "preflight",
                            "assertion",
                            "classify",
                            "report",
                            "ratchet")),
            Map.entry("ratchet", Set.of("model", "manifest")),
            Map.entry("init", Set.of("model", "engine", "manifest", "process")),
            Map.entry("maven", Set.of("model", "engine", "manifest", "init", "report")));

    /** The package that may import {@code org.apache.maven}. */
    static final String MAVEN_PACKAGE = "maven";

    /**
     * The uses of a source tree that break the layering, each as {@code <file>: <use> (<rule>)}.
     *
     * @param sources a source root holding {@code dev/smokegate/smoke/<package>/*.java}
     * @return the offending uses, sorted by file; empty when the layering holds
     */
    static List<String> violations(Path sources) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                    .sorted()
                    .toList()) {
                String relative = sources.relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith(ROOT) || relative.indexOf('/', ROOT.length()) < 0) {
                    continue;
                }
                String own = relative.substring(ROOT.length(), relative.indexOf('/', ROOT.length()));
                Set<String> allowed = ALLOWED.get(own);
                if (allowed == null) {
                    found.add(relative + ": package '" + own + "' is not in ArchitectureTest.ALLOWED; add it with"
                            + " the packages it may use");
                    continue;
                }
                String code = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("(?m)^package [\\w.]+;", "");
                Matcher use = USE.matcher(code);
                while (use.find()) {
                    String target = use.group(1);
                    if (target.equals("org.apache.maven")) {
                        if (!own.equals(MAVEN_PACKAGE)) {
                            found.add(relative + ": " + use.group() + " (only " + PREFIX + MAVEN_PACKAGE
                                    + " may use org.apache.maven)");
                        }
                        continue;
                    }
                    String other = target.substring(PREFIX.length());
                    if (!other.equals(own) && !allowed.contains(other)) {
                        found.add(relative + ": " + use.group() + " (" + own + " may use only "
                                + (allowed.isEmpty()
                                        ? "itself"
                                        : String.join(
                                                ", ", allowed.stream().sorted().toList()))
                                + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void sources_everyUseBetweenPackages_isAnAllowedArrow() {
        assertThat(SOURCES.resolve(ROOT + "model"))
                .as(
                        "the sources under %s (working directory %s)",
                        SOURCES, Path.of("").toAbsolutePath())
                .isDirectory();
        List<String> violations = violations(SOURCES);
        assertThat(violations)
                .withFailMessage(
                        "the layering maven → engine → the rest → model is broken; offending uses:%n  %s",
                        String.join(System.lineSeparator() + "  ", violations))
                .isEmpty();
    }

    @Test
    void sources_everyPackage_isInTheTable() throws IOException {
        try (Stream<Path> packages = Files.list(SOURCES.resolve(ROOT))) {
            assertThat(packages.filter(Files::isDirectory)
                            .map(path -> path.getFileName().toString())
                            .toList())
                    .as("the packages under %s", SOURCES.resolve(ROOT))
                    .isNotEmpty()
                    .allMatch(ALLOWED::containsKey);
        }
    }

    @Test
    void violations_lowerPackageImportsEngine_namesFileAndImport(@TempDir Path tmp) throws IOException {
        write(tmp, "workspace/Bad.java", "import dev.smokegate.smoke.engine.GateRequest;\nfinal class Bad {}\n");
        write(tmp, "workspace/Good.java", "import dev.smokegate.smoke.login.Logins;\nfinal class Good {}\n");

        assertThat(violations(tmp))
                .containsExactly("dev/smokegate/smoke/workspace/Bad.java: dev.smokegate.smoke.engine.GateRequest"
                        + " (workspace may use only login, model)");
    }

    @Test
    void violations_mavenApiOutsideMavenPackage_namesFileAndImport(@TempDir Path tmp) throws IOException {
        write(tmp, "engine/Bad.java", "import org.apache.maven.plugin.logging.Log;\nfinal class Bad {}\n");
        write(tmp, "maven/Fine.java", "import org.apache.maven.plugin.logging.Log;\nfinal class Fine {}\n");

        assertThat(violations(tmp))
                .containsExactly("dev/smokegate/smoke/engine/Bad.java: org.apache.maven.plugin.logging.Log"
                        + " (only dev.smokegate.smoke.maven may use org.apache.maven)");
    }

    @Test
    void violations_fullyQualifiedNameInCode_isAUseToo(@TempDir Path tmp) throws IOException {
        write(
                tmp,
                "model/Bad.java",
                "final class Bad {\n  Object x = new dev.smokegate.smoke.report.ConsoleReport();\n}\n");

        assertThat(violations(tmp))
                .containsExactly("dev/smokegate/smoke/model/Bad.java: dev.smokegate.smoke.report.ConsoleReport"
                        + " (model may use only itself)");
    }

    @Test
    void violations_packageNotInTable_saysToAddIt(@TempDir Path tmp) throws IOException {
        write(tmp, "util/Helpers.java", "final class Helpers {}\n");

        assertThat(violations(tmp))
                .containsExactly("dev/smokegate/smoke/util/Helpers.java: package 'util' is not in"
                        + " ArchitectureTest.ALLOWED; add it with the packages it may use");
    }

    private static void write(Path root, String file, String body) throws IOException {
        Path path = root.resolve(ROOT + file);
        Files.createDirectories(path.getParent());
        String pkg = PREFIX + file.substring(0, file.indexOf('/'));
        Files.writeString(path, "package " + pkg + ";\n\n" + body, StandardCharsets.UTF_8);
    }
}
