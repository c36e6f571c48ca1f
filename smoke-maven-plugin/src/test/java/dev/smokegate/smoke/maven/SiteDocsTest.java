package dev.smokegate.smoke.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written pages ({@code src/site/markdown}) and the README against the generated goal
 * reference: the parameters are documented once, in the mojos' Javadoc, so a page names properties
 * that exist and holds no parameter table of its own.
 */
class SiteDocsTest {
    private static final Path PAGES = Path.of("../src/site/markdown");
    private static final Path README = Path.of("../README.md");
    /** {@code -Dsmoke.x} or a bare {@code smoke.x}; not {@code ${smoke.x}} (a manifest placeholder) nor {@code TEST-smoke.xml}. */
    private static final Pattern PROPERTY = Pattern.compile("(?:-D|(?<![\\w.{/-]))(smoke\\.[a-zA-Z]+)\\b(?!\\.)");

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        try (Stream<Path> pages = Files.list(PAGES)) {
            pages.filter(page ->
                            page.toString().endsWith(".md") || page.toString().endsWith(".md.vm"))
                    .sorted()
                    .forEach(documents::add);
        }
        documents.add(README);
        return documents;
    }

    @Test
    void pages_propertiesTheyName_existInThePluginDescriptor() throws Exception {
        var properties = PluginDescriptorFile.read().properties();
        List<String> unknown = new ArrayList<>();

        for (Path document : documents()) {
            Matcher matcher = PROPERTY.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (matcher.find()) {
                if (!properties.contains(matcher.group(1)) && !matcher.group(1).equals("smoke.xml")) {
                    unknown.add(document.getFileName() + ": " + matcher.group(1));
                }
            }
        }

        assertThat(unknown)
                .as("properties that no goal has (known: %s)", properties)
                .isEmpty();
    }

    @Test
    void pages_parameterTables_areLeftToTheGoalReference() throws IOException {
        List<String> tables = new ArrayList<>();

        for (Path document : documents()) {
            Files.readString(document, StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.matches("\\|\\s*parameter\\s*\\|\\s*property\\s*\\|.*"))
                    .forEach(line -> tables.add(document.getFileName() + ": " + line));
        }

        assertThat(tables)
                .as("link to smoke-maven-plugin/<goal>-mojo.html instead of repeating the parameters")
                .isEmpty();
    }
}
