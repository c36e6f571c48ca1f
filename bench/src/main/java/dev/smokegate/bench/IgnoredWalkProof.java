package dev.smokegate.bench;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.UntrackedMode;
import dev.smokegate.smoke.workspace.CheckoutCopier;
import dev.smokegate.smoke.workspace.CopyReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves that the checkout copy never walks ignored folders, from the outside: the copy runs in a
 * JVM of its own under {@code strace -f -y -e trace=%file,getdents64} (every system call that names
 * a path, plus directory listings with the listed folder's path), and the trace is searched for
 * the ignored folders that git itself reports ({@code git ls-files --others --ignored
 * --exclude-standard --directory}).
 *
 * <p>The same trace checks the copier's "nothing is hashed": no workspace file may be opened for
 * reading after the copy wrote it. (An index whose entries have length 0 makes JGit re-read and
 * hash the whole workspace while writing it; that cost 1.5 s of a 3 s copy before it was fixed.)
 *
 * <p>Verdict MET when no ignored folder is opened or listed, and nothing inside one is touched
 * except the single {@code <folder>/.git} probe (JGit asks whether a folder is a nested repository
 * before the ignore rules are applied). As a control, the same trace must show the tracked folders
 * being listed and the tracked files being opened, so an empty result cannot come from a trace
 * that saw nothing.
 */
final class IgnoredWalkProof {

    static final String NAME = "ignored-not-walked";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** {@code 1234 openat(AT_FDCWD</x>, "/path", ...} → syscall name and the rest. */
    private static final Pattern CALL = Pattern.compile("^(?:\\[pid\\s+)?\\d+\\]?\\s+(\\w+)\\((.*)$");

    /** The first quoted argument. */
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** {@code getdents64(5</path>, ...}: the folder being listed. */
    private static final Pattern FD_PATH = Pattern.compile("^\\d+<([^>]*)>");

    /** The folder a relative path argument is resolved against: {@code 3</dir>} or {@code AT_FDCWD</cwd>}. */
    private static final Pattern DIR_FD = Pattern.compile("^(?:\\d+|AT_FDCWD)<([^>]*)>");

    private IgnoredWalkProof() {}

    /** The copy that runs under strace: one {@link CheckoutCopier#copy}, nothing else. */
    static void probe(Path repo, Path dest) throws Exception {
        long start = System.nanoTime();
        CopyReport report = new CheckoutCopier(SmokeLog.silent(), MavenFrontEnd.INSTANCE).copy(repo, dest, UntrackedMode.INCLUDE);
        long nanos = System.nanoTime() - start;
        System.out.println("[bench] probe copy: " + report.files() + " files, " + report.bytes() + " bytes, skipped "
                + report.skipped() + ", in " + Stats.ms(nanos / 1e6) + " ms");
    }

    /**
     * Reads the trace of {@link #probe} and reports.
     *
     * @param trace strace's output file
     * @param repo the checkout that was copied
     */
    static void check(Path trace, Path repo, Path dest, Results results) throws IOException {
        Path root = repo.toAbsolutePath().normalize();
        String workspace = dest.toAbsolutePath().normalize() + "/";
        TreeSet<String> readBack = new TreeSet<>();
        List<String> ignored = new ArrayList<>();
        for (String line : Commands.check(
                        root, TIMEOUT, "git", "ls-files", "--others", "--ignored", "--exclude-standard", "--directory")
                .output()
                .split("\n")) {
            if (!line.isBlank()) {
                ignored.add(root + "/" + line.strip().replaceAll("/$", ""));
            }
        }
        long ignoredFiles =
                Long.parseLong(Commands.sh(root, TIMEOUT, "git ls-files --others --ignored --exclude-standard | wc -l")
                        .output()
                        .strip());
        if (ignored.isEmpty()) {
            throw new IllegalStateException("git reports no ignored folder in " + root);
        }

        Map<String, Integer> listedIgnored = new TreeMap<>(); // opened as a folder or listed
        Map<String, Integer> touchedInside = new TreeMap<>(); // any path below an ignored folder
        Map<String, Integer> statOfFolder = new TreeMap<>(); // lstat of the folder entry itself
        TreeSet<String> trackedListed = new TreeSet<>();
        TreeSet<String> trackedOpened = new TreeSet<>();
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                Matcher call = CALL.matcher(line);
                if (!call.find()) {
                    continue;
                }
                String syscall = call.group(1);
                String args = call.group(2);
                String path = null;
                boolean listing = false;
                if (syscall.equals("getdents64")) {
                    Matcher fd = FD_PATH.matcher(args);
                    if (fd.find()) {
                        path = fd.group(1);
                        listing = true;
                    }
                } else {
                    Matcher quoted = QUOTED.matcher(args);
                    if (quoted.find()) {
                        path = quoted.group(1);
                        Matcher base = DIR_FD.matcher(args);
                        if (!path.startsWith("/") && base.find()) {
                            path = base.group(1) + "/" + path; // openat(3</dir>, "name") or AT_FDCWD</cwd>
                        }
                        listing = syscall.startsWith("open") && args.contains("O_DIRECTORY");
                    }
                }
                if (path != null
                        && path.startsWith(workspace)
                        && !path.startsWith(workspace + ".git/")
                        && !path.equals(workspace + ".git")
                        && syscall.startsWith("open")
                        && !listing
                        && !args.contains("O_WRONLY")
                        && !args.contains("O_CREAT")) {
                    readBack.add(path); // a workspace file opened for reading after the copy wrote it
                }
                if (path == null || !(path.equals(root.toString()) || path.startsWith(root + "/"))) {
                    continue;
                }
                String folder = ignoredFolderOf(path, ignored);
                if (folder != null) {
                    if (path.equals(folder)) {
                        if (listing || syscall.startsWith("open")) {
                            listedIgnored.merge(syscall + " " + path, 1, Integer::sum);
                        } else {
                            statOfFolder.merge(syscall, 1, Integer::sum);
                        }
                    } else {
                        touchedInside.merge(syscall + " " + path, 1, Integer::sum);
                    }
                } else if (!path.contains("/.git/") && !path.endsWith("/.git")) {
                    if (listing) {
                        trackedListed.add(path);
                    } else if (syscall.startsWith("open")) {
                        trackedOpened.add(path);
                    }
                }
            }
        }
        long probes =
                touchedInside.keySet().stream().filter(k -> k.endsWith("/.git")).count();
        Map<String, Integer> beyondProbe = new TreeMap<>(touchedInside);
        beyondProbe
                .keySet()
                .removeIf(k -> k.endsWith("/.git") && ignored.stream().anyMatch(f -> k.endsWith(" " + f + "/.git")));

        Path report = results.raw(NAME).resolve("ignored-paths-touched.txt");
        List<String> reportLines = new ArrayList<>();
        reportLines.add("# trace: " + trace + " (" + lines + " lines; run.sh gzips it afterwards)");
        reportLines.add("# ignored folders (git ls-files --others --ignored --exclude-standard --directory): "
                + ignored.size());
        ignored.forEach(f -> reportLines.add("#   " + f));
        reportLines.add("# opened or listed ignored folders:");
        listedIgnored.forEach((k, v) -> reportLines.add(v + "\t" + k));
        reportLines.add("# system calls on paths inside ignored folders:");
        touchedInside.forEach((k, v) -> reportLines.add(v + "\t" + k));
        reportLines.add("# stat-like calls on the ignored folder entries themselves: " + statOfFolder);
        Files.write(report, reportLines, StandardCharsets.UTF_8);

        boolean controlOk = trackedListed.size() > 0 && trackedOpened.size() > 0;
        boolean met = listedIgnored.isEmpty() && beyondProbe.isEmpty() && controlOk;
        results.metric(
                NAME,
                "ignored files on disk (" + ignored.size() + " ignored folders)",
                String.valueOf(ignoredFiles),
                "files",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "ignored folders opened or listed (strace)",
                String.valueOf(listedIgnored.size()),
                "",
                "0",
                listedIgnored.isEmpty() ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                "paths inside ignored folders touched, besides one .git probe each (strace)",
                String.valueOf(beyondProbe.values().stream()
                        .mapToInt(Integer::intValue)
                        .sum()),
                "",
                "0",
                beyondProbe.isEmpty() ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                "'<ignored>/.git' nested-repository probes (strace)",
                String.valueOf(probes),
                "",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "control: tracked folders listed / tracked files opened (strace)",
                trackedListed.size() + " / " + trackedOpened.size(),
                "",
                "> 0",
                controlOk ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                "workspace files read back after the copy wrote them (strace)",
                String.valueOf(readBack.size()),
                "files",
                "0",
                readBack.isEmpty() ? Verdict.MET : Verdict.MISSED);
        System.out.println("[bench] " + NAME + ": "
                + (met ? "ignored folders were not walked" : "IGNORED FOLDERS WERE WALKED") + "; details in " + report);
    }

    private static String ignoredFolderOf(String path, List<String> ignored) {
        for (String folder : ignored) {
            if (path.equals(folder) || path.startsWith(folder + "/")) {
                return folder;
            }
        }
        return null;
    }
}
