package dev.smokegate.smoke.assertion;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the paths under a working directory that a glob matches. The glob uses {@link
 * java.nio.file.FileSystem#getPathMatcher(String) glob syntax} and is matched against paths
 * relative to the working directory, {@code /}-separated: files, folders and symbolic links alike
 * (links are not followed). {@code .git} folders are skipped. An absolute glob (such as {@code
 * ${smoke.export}/*.diff} after placeholders) is matched from the file system root instead.
 *
 * <p>The walk is bounded: it starts at the glob's leading literal folders ({@code target} for
 * {@code target/*.jar}), goes no deeper than the glob's number of parts unless it holds {@code **},
 * stops once enough matches are found, and gives up after {@value #MAX_ENTRIES} entries.
 */
final class GlobWalk {

    /** Entries visited, at most, before a walk gives up. */
    static final int MAX_ENTRIES = 1_000_000;

    private static final String GLOB_CHARACTERS = "*?[]{}\\";

    /**
     * The matches a walk found.
     *
     * @param first the alphabetically first matches, as many as asked to keep: relative paths,
     *     {@code /}-separated
     * @param count how many matches the walk found before it stopped
     * @param exhausted true when the walk gave up after {@value #MAX_ENTRIES} entries
     */
    record Found(List<String> first, long count, boolean exhausted) {}

    private final String glob;
    private final boolean absolute;
    private final PathMatcher matcher;

    /**
     * @param glob a glob relative to the working directory; a leading {@code ./} is ignored
     * @throws IllegalArgumentException if the glob is invalid, with a one-line message such as
     *     {@code invalid glob '[': Missing ']' near index 0}
     */
    GlobWalk(String glob) {
        String normalized = glob;
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        this.absolute = normalized.startsWith("/");
        while (normalized.startsWith("/")) {
            normalized = normalized.substring(1);
        }
        this.glob = normalized;
        try {
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid glob " + Texts.quote(glob) + ": " + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    static boolean hasGlobCharacters(String text) {
        return text.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0);
    }

    /**
     * Walks {@code workDir} for matches.
     *
     * @param stopAfter the number of matches after which the walk stops
     * @param keep how many of the alphabetically first matches to return
     * @throws IOException if the walk cannot start (an unreadable folder deeper down is skipped)
     */
    Found find(Path workDir, long stopAfter, int keep) throws IOException {
        Path base = absolute ? workDir.toAbsolutePath().getRoot() : workDir;
        String[] parts = glob.split("/", -1);
        Path start = base;
        int literal = 0;
        while (literal < parts.length - 1 && !hasGlobCharacters(parts[literal])) {
            start = start.resolve(parts[literal]);
            literal++;
        }
        String rest = String.join("/", List.of(parts).subList(literal, parts.length));
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - literal;
        if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
            return new Found(List.of(), 0, false);
        }
        Visitor visitor = new Visitor(base, start, stopAfter, keep);
        Files.walkFileTree(start, Set.of(), depth, visitor);
        return new Found(List.copyOf(visitor.first), visitor.count, visitor.exhausted);
    }

    /** Matches every entry it is shown, except {@code .git}, until it has enough or has seen too many. */
    private final class Visitor extends SimpleFileVisitor<Path> {
        private final Path workDir;
        private final Path start;
        private final long stopAfter;
        private final int keep;
        private final TreeSet<String> first = new TreeSet<>();
        private long count;
        private long visited;
        private boolean exhausted;

        Visitor(Path workDir, Path start, long stopAfter, int keep) {
            this.workDir = workDir;
            this.start = start;
            this.stopAfter = stopAfter;
            this.keep = keep;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (!dir.equals(start) && isGit(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return visit(dir);
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            return isGit(file) ? FileVisitResult.CONTINUE : visit(file);
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return isGit(file) ? FileVisitResult.CONTINUE : visit(file);
        }

        private FileVisitResult visit(Path path) {
            if (++visited > MAX_ENTRIES) {
                exhausted = true;
                return FileVisitResult.TERMINATE;
            }
            Path relative = workDir.relativize(path);
            if (relative.toString().isEmpty() || !matcher.matches(relative)) {
                return FileVisitResult.CONTINUE;
            }
            count++;
            first.add(relative.toString().replace(File.separatorChar, '/'));
            if (first.size() > keep) {
                first.pollLast();
            }
            return count >= stopAfter ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }
    }

    private static boolean isGit(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().equals(".git");
    }

    @Override
    public String toString() {
        return glob;
    }
}
