package dev.smokegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The site's classification page publishes the fault matrix ({@link FaultMatrix}) as a table between
 * {@code <!-- fault-matrix -->} and {@code <!-- /fault-matrix -->}. This test renders the table from
 * the list and fails when the page differs, so the page cannot drift from the tests. Run it with
 * {@code -Dsmoke.site.write=true} to write the table into the page instead.
 */
class ClassificationPageTest {
    private static final Path PAGE = Path.of("../src/site/markdown/classification.md");
    private static final Path CORPUS = Path.of("../smoke-maven-plugin/src/test/resources/bad-inputs");
    /** Classes whose every test is a fault of the matrix, so each must have a row. */
    private static final Set<Class<?>> MATRIX_CLASSES = Set.of(FaultMatrixIT.class, PatchFaultsIT.class);

    @Test
    void rows_eachNamesATestThatExists() throws Exception {
        for (FaultMatrix.Row row : FaultMatrix.rows()) {
            Class<?> type = Class.forName("dev.smokegate.it." + row.testClass());
            assertThat(testMethods(type)).as(row.fault()).contains(row.method());
            assertThat(row.category()).as(row.fault()).isIn("source", "runtime", "host", "-");
            if (!row.rule().equals("-")) {
                assertThat(row.rule()).as(row.fault()).startsWith(row.category() + ".");
            }
        }
    }

    @Test
    void rows_everyTestOfTheMatrixClassesHasARow() {
        Set<String> listed = FaultMatrix.rows().stream()
                .map(row -> row.testClass() + "." + row.method())
                .collect(Collectors.toSet());
        for (Class<?> type : MATRIX_CLASSES) {
            for (String method : testMethods(type)) {
                assertThat(listed).as("rows of " + FaultMatrix.LIST).contains(type.getSimpleName() + "." + method);
            }
        }
    }

    @Test
    void page_faultMatrixTable_isTheListRendered() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String table = table(FaultMatrix.rows());
        if (Boolean.getBoolean("smoke.site.write")) {
            Files.writeString(PAGE, SiteBlocks.replace(page, "fault-matrix", table), StandardCharsets.UTF_8);
            page = Files.readString(PAGE, StandardCharsets.UTF_8);
        }
        assertThat(SiteBlocks.body(page, "fault-matrix"))
                .as("the fault matrix on " + PAGE.normalize() + " is out of date with " + FaultMatrix.LIST
                        + "; run mvn -pl it test -Dtest=ClassificationPageTest -Dsmoke.site.write=true")
                .isEqualTo(table);
    }

    @Test
    void page_badInputCorpusTable_countsTheCorpusFiles() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String table = corpusTable();
        if (Boolean.getBoolean("smoke.site.write")) {
            Files.writeString(PAGE, SiteBlocks.replace(page, "bad-inputs", table), StandardCharsets.UTF_8);
            page = Files.readString(PAGE, StandardCharsets.UTF_8);
        }
        assertThat(SiteBlocks.body(page, "bad-inputs"))
                .as("the bad-input counts on " + PAGE.normalize() + " are out of date with " + CORPUS.normalize()
                        + "; run mvn -pl it test -Dtest=ClassificationPageTest -Dsmoke.site.write=true")
                .isEqualTo(table);
    }

    /**
     * The cases of each folder of the corpus: the input files that have an {@code .expected} file
     * beside them (the corpus README's rule).
     */
    private static String corpusTable() throws IOException {
        StringBuilder out = new StringBuilder("| Folder | Cases |\n| --- | ---: |\n");
        int total = 0;
        List<Path> folders;
        try (Stream<Path> listed = Files.list(CORPUS)) {
            folders = listed.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : folders) {
            long cases;
            try (Stream<Path> files = Files.list(folder)) {
                cases = files.filter(file -> !file.getFileName().toString().endsWith(".expected"))
                        .filter(file -> Files.exists(file.resolveSibling(file.getFileName() + ".expected")))
                        .count();
            }
            total += (int) cases;
            out.append("| `")
                    .append(folder.getFileName())
                    .append("/` | ")
                    .append(cases)
                    .append(" |\n");
        }
        assertThat(total).as("cases in " + CORPUS).isGreaterThanOrEqualTo(200);
        return out.append("| all | ").append(total).append(" |\n").toString();
    }

    private static String table(List<FaultMatrix.Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| Fault | Category | Rule | Result | Test |\n| --- | --- | --- | --- | --- |\n");
        for (FaultMatrix.Row row : rows) {
            out.append("| ")
                    .append(SiteBlocks.cell(row.fault()))
                    .append(" | ")
                    .append(SiteBlocks.cell(row.category()))
                    .append(" | ")
                    .append(row.rule().equals("-") ? "-" : "`" + row.rule() + "`")
                    .append(" | ")
                    .append(SiteBlocks.cell(row.result()))
                    .append(" | `")
                    .append(row.testClass())
                    .append('.')
                    .append(row.method())
                    .append("` |\n");
        }
        out.append('\n')
                .append(rows.size())
                .append(" faults, each a test with a real forked `mvn` that CI runs (`.ci/run`). Each test also"
                        + " checks that no process of the run is alive afterwards and that the checkout is byte"
                        + " for byte unchanged.\n");
        return out.toString();
    }

    private static List<String> testMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class))
                .map(Method::getName)
                .sorted()
                .toList();
    }
}
