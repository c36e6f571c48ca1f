package dev.smokegate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the numbers of a run into {@code src/site/markdown/benchmarks.md}: each benchmark whose rows
 * are in {@code summary.tsv} and whose block the page holds ({@code <!-- results:NAME -->} …
 * {@code <!-- /results:NAME -->}) gets that block replaced by a table of its rows (metric, value,
 * target, verdict) and a line naming the run (from {@code machine.txt}). Blocks of benchmarks that did
 * not run are left as they are, so that {@code BENCH_ONLY} updates only what it measured.
 */
final class BenchmarksPage {

    private BenchmarksPage() {}

    /**
     * @param results the results folder of the run
     * @param page the benchmarks page
     * @return how many blocks were replaced
     */
    static int update(Path results, Path page) throws IOException {
        Path summary = results.resolve(Results.SUMMARY);
        if (!Files.exists(summary) || !Files.exists(page)) {
            return 0;
        }
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(summary, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length >= 6) {
                rows.computeIfAbsent(cells[0], x -> new ArrayList<>()).add(cells);
            }
        }
        String run = runLine(results.resolve("machine.txt"));
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int replaced = 0;
        for (Map.Entry<String, List<String[]>> benchmark : rows.entrySet()) {
            String open = "<!-- results:" + benchmark.getKey() + " -->";
            String close = "<!-- /results:" + benchmark.getKey() + " -->";
            int start = text.indexOf(open);
            int end = text.indexOf(close);
            if (start < 0 || end < start) {
                continue;
            }
            StringBuilder table = new StringBuilder(open).append("\n\n");
            table.append("| metric | value | target | verdict |\n| --- | ---: | --- | --- |\n");
            for (String[] cells : benchmark.getValue()) {
                String value = cells[2] + (cells[3].isEmpty() ? "" : " " + cells[3]);
                table.append("| ")
                        .append(cell(cells[1]))
                        .append(" | ")
                        .append(cell(value))
                        .append(" | ")
                        .append(cell(cells[4]))
                        .append(" | ")
                        .append(cells[5].equals("-") ? "-" : "**" + cells[5] + "**")
                        .append(" |\n");
            }
            table.append("\n").append(run).append("\n\n");
            text = text.substring(0, start) + table + text.substring(end);
            replaced++;
        }
        Files.writeString(page, text, StandardCharsets.UTF_8);
        return replaced;
    }

    private static String runLine(Path machine) throws IOException {
        if (!Files.exists(machine)) {
            return "Run: unknown.";
        }
        String date = "?";
        String source = "?";
        String load = "?";
        String runs = "?";
        for (String line : Files.readAllLines(machine, StandardCharsets.UTF_8)) {
            if (line.startsWith("date:")) {
                date = line.substring(5).strip();
            } else if (line.startsWith("source:")) {
                source = line.substring(7).strip();
            } else if (line.startsWith("load:")) {
                load = line.substring(5).strip();
            } else if (line.startsWith("runs:")) {
                runs = line.substring(5).strip();
            }
        }
        return "Measured " + date + " by `bash bench/run.sh` (" + source + "; " + runs + "; load " + load + ").";
    }

    /**
     * A table cell's text in Markdown: {@code |} escaped so it does not end the cell, and {@code <}
     * written as {@code &lt;} so that a metric such as {@code '<ignored>/.git' probes} is text, not an
     * HTML tag (the site's Markdown parser passes inline HTML through, and an unclosed tag breaks the
     * page).
     */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;");
    }
}
