package dev.smokegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault matrix of issue 9, read from {@code it/src/test/resources/fault-matrix.tsv}: one row per
 * fault, naming the test that provokes it with a real forked {@code mvn} and the verdict it must
 * give. The tests take their expected category and rule from here ({@link #row(String)}), and {@link
 * ClassificationPageTest} renders the same rows into the site's classification page, so that the
 * page, the list and the assertions cannot drift apart.
 */
final class FaultMatrix {
    /** Where the list lives, relative to the {@code it} module (surefire's and failsafe's working directory). */
    static final Path LIST = Path.of("src/test/resources/fault-matrix.tsv");

    private FaultMatrix() {}

    /**
     * One fault.
     *
     * @param fault what goes wrong, in a user's words
     * @param testClass the simple name of the IT class in {@code dev.smokegate.it}
     * @param method the name of its test method
     * @param category {@code source}, {@code runtime} or {@code host}; {@code -} when the run passes
     * @param rule the bare rule id, or {@code -} when the run passes
     * @param result what the run shows: the verdict and what the gate did
     */
    record Row(String fault, String testClass, String method, String category, String rule, String result) {}

    /**
     * @return every row, in the list's order
     * @throws UncheckedIOException if the list cannot be read
     * @throws IllegalStateException if a line does not have six tab-separated columns
     */
    static List<Row> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(LIST, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the fault matrix " + LIST.toAbsolutePath() + " cannot be read", e);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 6) {
                throw new IllegalStateException(LIST + ":" + (i + 1) + ": expected 6 tab-separated columns (fault,"
                        + " test class, test method, category, rule, result) but found " + cells.length
                        + ". Fix the line.");
            }
            rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]));
        }
        return rows;
    }

    /**
     * @param method a test method's name
     * @return its row
     * @throws IllegalStateException if no row names it
     */
    static Row row(String method) {
        return rows().stream()
                .filter(row -> row.method().equals(method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the fault matrix " + LIST + " has no row for the test "
                        + method + ". Add one (fault, class, method, category, rule, result)."));
    }
}
