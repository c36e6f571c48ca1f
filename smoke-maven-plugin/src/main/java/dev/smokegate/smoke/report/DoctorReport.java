package dev.smokegate.smoke.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.HostCheck.Verdict;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.SmokeLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code smoke:doctor} shows: one {@code PASS|WARN|FAIL <check> — <detail>} line per check
 * ({@link HostCheck#toString()}), then {@code Doctor: 7 passed, 1 warning, 1 failed} last; the
 * same rows as JSON ({@code doctor.json}, {@code "format": 1}); and the build failure message that
 * names each failed check and what to do about it.
 */
public final class DoctorReport {
    /** The version of the JSON shape, written as {@code "format"}. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DoctorReport() {}

    /**
     * Writes each row at the level of its verdict (PASS info, WARN warn, FAIL error, so failures
     * show under {@code -q}), then the summary: error when a check failed, warn when one warned,
     * else info.
     *
     * @param checks the rows, in the order to show them
     * @param log where to write
     */
    public static void write(List<HostCheck> checks, SmokeLog log) {
        for (HostCheck check : checks) {
            switch (check.verdict()) {
                case PASS -> log.info(check.toString());
                case WARN -> log.warn(check.toString());
                case FAIL -> log.error(check.toString());
            }
        }
        String summary = summary(checks);
        if (count(checks, Verdict.FAIL) > 0) {
            log.error(summary);
        } else if (count(checks, Verdict.WARN) > 0) {
            log.warn(summary);
        } else {
            log.info(summary);
        }
    }

    /**
     * @param checks the rows
     * @return {@code Doctor: 7 passed, 1 warning, 1 failed} ({@code warnings} from 2 on, and for 0)
     */
    public static String summary(List<HostCheck> checks) {
        long warnings = count(checks, Verdict.WARN);
        return "Doctor: " + count(checks, Verdict.PASS) + " passed, " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + ", " + count(checks, Verdict.FAIL) + " failed";
    }

    /**
     * The build failure message of a doctor that found a FAIL: each failed check with its rule and
     * what to do about it.
     *
     * @param checks the rows, at least one of which failed
     * @param frontEnd the front end's words (its offline switch)
     * @return for example {@code Doctor found 1 failed check on this host: env API_TOKEN
     *     (host.requires.env: set the variable in the build's environment). The FAIL lines above say
     *     what was seen.}
     */
    public static String failureMessage(List<HostCheck> checks, FrontEnd frontEnd) {
        List<HostCheck> failed =
                checks.stream().filter(check -> check.verdict() == Verdict.FAIL).toList();
        return "Doctor found " + failed.size() + " failed check" + (failed.size() == 1 ? "" : "s") + " on this host: "
                + failed.stream()
                        .map(check -> check.name() + " (" + check.rule() + ": " + advice(check.rule(), frontEnd) + ")")
                        .collect(Collectors.joining("; "))
                + ". The FAIL lines above say what was seen.";
    }

    /** What to do about a failed check, by its rule. */
    static String advice(String rule, FrontEnd frontEnd) {
        return switch (rule) {
            case "host.requires.command" -> "install the command, or put it on the PATH of the build";
            case "host.requires.endpoint" -> "start the service, or open the network path to it";
            case "host.requires.env" -> "set the variable in the build's environment";
            case "host.requires.java" -> "run the build with a Java in the range";
            case "host.requires.os" -> "run the scenarios on one of the operating systems they allow";
            case "host.requires.free-disk", "host.disk-full" -> "free disk space there";
            case "host.unreachable" -> "check the URL, the network and the logins, or fill the clone cache";
            case "host.offline-not-cached" -> "run once without " + frontEnd.offlineSwitch()
                    + " to fill the clone cache";
            case "host.permission-denied", "host.io" -> "make the folder writable, or choose another one";
            case "source.ref-not-found" -> "fix the scenario's ref";
            default -> "see its FAIL line";
        };
    }

    /**
     * Writes the rows as JSON, atomically (a temporary file moved into place):
     *
     * <pre>{@code
     * {"format": 1,
     *  "checks": [{"check": "env API_TOKEN", "verdict": "FAIL", "rule": "host.requires.env",
     *              "detail": "not set"}],
     *  "summary": {"passed": 7, "warnings": 1, "failed": 1}}
     * }</pre>
     *
     * {@code rule} is {@code null} for a PASS.
     *
     * @param checks the rows, in the order shown
     * @param file the report, e.g. {@code target/smoke/doctor.json}; its folder is created
     * @throws IOException when it cannot be written
     */
    public static void writeJson(List<HostCheck> checks, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode rows = root.putArray("checks");
        for (HostCheck check : checks) {
            ObjectNode row = rows.addObject();
            row.put("check", check.name());
            row.put("verdict", check.verdict().name());
            row.put("rule", check.rule());
            row.put("detail", check.detail());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", count(checks, Verdict.PASS));
        summary.put("warnings", count(checks, Verdict.WARN));
        summary.put("failed", count(checks, Verdict.FAIL));
        ReportRedaction.json(root, Redaction.standard());
        Files.createDirectories(file.getParent());
        ReportFiles.replace(file, out -> JSON.writeValue(out, root));
    }

    private static long count(List<HostCheck> checks, Verdict verdict) {
        return checks.stream().filter(check -> check.verdict() == verdict).count();
    }
}
