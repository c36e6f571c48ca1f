package dev.smokegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The results folder ({@code bench/target/results/}):
 *
 * <ul>
 *   <li>{@code summary.tsv}: one row per reported metric: benchmark, metric, value, unit, target,
 *       verdict ({@code MET}, {@code MISSED}, or {@code -} for a metric without a target);
 *   <li>{@code <benchmark>-samples.tsv}: every timed run, warm-up included (marked), so the medians
 *       can be recomputed;
 *   <li>{@code raw/}: logs of the external programs (strace trace, GC logs, mvn output).
 * </ul>
 */
final class Results {

    /** A metric's standing against its target. */
    enum Verdict {
        MET,
        MISSED,
        /** No target: reported for information. */
        NONE;

        String label() {
            return this == NONE ? "-" : name();
        }
    }

    static final String SUMMARY = "summary.tsv";

    private final Path dir;

    Results(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir.resolve("raw"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** A folder under {@code raw/} for one benchmark's logs. */
    Path raw(String benchmark) {
        Path raw = dir.resolve("raw").resolve(benchmark);
        try {
            Files.createDirectories(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return raw;
    }

    /**
     * Records one timed run, with the machine's 1-minute load average (other work on a shared machine
     * shows there). {@code run} 0 is the warm-up.
     */
    void sample(String benchmark, String method, int run, double millis, String note) {
        Path file = dir.resolve(benchmark + "-samples.tsv");
        append(
                file,
                "method\trun\tmillis\tload1\tnote",
                method + "\t" + (run == 0 ? "warm-up" : run) + "\t" + Stats.ms(millis) + "\t" + load() + "\t" + note);
    }

    /** The 1-minute load average, or "?" off Linux. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Records one metric of the summary. */
    void metric(String benchmark, String metric, String value, String unit, String target, Verdict verdict) {
        append(
                dir.resolve(SUMMARY),
                "benchmark\tmetric\tvalue\tunit\ttarget\tverdict",
                String.join("\t", benchmark, metric, value, unit, target.isEmpty() ? "-" : target, verdict.label()));
        System.out.println("[bench] " + benchmark + ": " + metric + " = " + value + " " + unit
                + (verdict == Verdict.NONE ? "" : " (target " + target + ": " + verdict + ")"));
    }

    /** Records that a benchmark could not run at all: a MISSED row with the reason. */
    void broken(String benchmark, String reason) {
        metric(
                benchmark,
                "benchmark ran",
                "no: " + reason.replaceAll("\\s+", " "),
                "",
                "runs to the end",
                Verdict.MISSED);
    }

    private static synchronized void append(Path file, String header, String row) {
        try {
            List<String> lines = new ArrayList<>();
            if (!Files.exists(file)) {
                lines.add(header);
            }
            lines.add(row);
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prints {@code summary.tsv} as an aligned table.
     *
     * @return the number of rows whose verdict is MISSED
     */
    static int printSummary(Path dir) throws IOException {
        Path file = dir.resolve(SUMMARY);
        if (!Files.exists(file)) {
            System.out.println("No results in " + file);
            return 1;
        }
        List<String[]> rows = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1))
                .toList();
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns && c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        int missed = 0;
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = c < row.length ? row[c] : "";
                boolean numeric = c == 2 && r > 0 && cell.matches("[-0-9.,]+");
                line.append(
                        numeric
                                ? " ".repeat(widths[c] - cell.length()) + cell
                                : cell + " ".repeat(widths[c] - cell.length()));
                line.append(c + 1 < columns ? "  " : "");
            }
            System.out.println(line.toString().stripTrailing());
            if (r == 0) {
                System.out.println("-".repeat(line.toString().stripTrailing().length()));
            }
            if (r > 0 && row.length == columns && row[columns - 1].equals(Verdict.MISSED.name())) {
                missed++;
            }
        }
        return missed;
    }
}
