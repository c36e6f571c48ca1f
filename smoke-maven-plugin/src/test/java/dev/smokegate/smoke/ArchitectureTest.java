package dev.smokegate.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependencies pointing one way: {@code maven → engine → the rest → model}. Only the
 * {@code maven} package may import {@code org.apache.maven}. Surefire runs with the module folder
 * as working directory, so the sources are at {@code src/main/java}.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "dev/smokegate/smoke/";
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> LOWER_PACKAGES =
            List.of("classify", "report", "manifest", "process", "assertion", "workspace");

    /** One import of one source file, e.g. {@code dev/smokegate/smoke/report/X.java: import org.apache.maven.A}. */
    private record Import(String file, String name) {
        @Override
        public String toString() {
            return file + ": import " + name;
        }
    }

    private static List<Import> imports() {
        assertThat(SOURCES.resolve(ROOT + "model"))
                .as(
                        "the sources under %s (working directory %s)",
                        SOURCES, Path.of("").toAbsolutePath())
                .isDirectory();
        List<Import> imports = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                    .sorted()
                    .toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                Matcher matcher = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    imports.add(new Import(relative, matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(imports).as("imports found under %s", SOURCES).isNotEmpty();
        return imports;
    }

    private static void assertNone(String rule, Predicate<Import> offends) {
        List<String> offenders =
                imports().stream().filter(offends).map(Import::toString).toList();
        assertThat(offenders)
                .withFailMessage(
                        "%s; offending imports:%n  %s", rule, String.join(System.lineSeparator() + "  ", offenders))
                .isEmpty();
    }

    private static boolean inPackage(Import anImport, String name) {
        return anImport.file().startsWith(ROOT + name + "/");
    }

    @Test
    void sources_outsideMavenPackage_importNoMavenApi() {
        assertNone(
                "only dev.smokegate.smoke.maven may import org.apache.maven",
                anImport -> !inPackage(anImport, "maven") && anImport.name().startsWith("org.apache.maven."));
    }

    @Test
    void model_imports_noOtherSmokePackage() {
        assertNone(
                "dev.smokegate.smoke.model must not depend on the other smoke packages",
                anImport -> inPackage(anImport, "model")
                        && anImport.name().startsWith("dev.smokegate.smoke.")
                        && !anImport.name().startsWith("dev.smokegate.smoke.model."));
    }

    @Test
    void lowerPackages_imports_neitherEngineNorMaven() {
        assertNone(
                "classify, report, manifest, process, assertion and workspace must not depend on engine or maven",
                anImport -> LOWER_PACKAGES.stream().anyMatch(name -> inPackage(anImport, name))
                        && (anImport.name().startsWith("dev.smokegate.smoke.engine.")
                                || anImport.name().startsWith("dev.smokegate.smoke.maven.")));
    }

    @Test
    void engine_imports_noMavenPackage() {
        assertNone(
                "dev.smokegate.smoke.engine must not depend on dev.smokegate.smoke.maven",
                anImport -> inPackage(anImport, "engine") && anImport.name().startsWith("dev.smokegate.smoke.maven."));
    }
}
