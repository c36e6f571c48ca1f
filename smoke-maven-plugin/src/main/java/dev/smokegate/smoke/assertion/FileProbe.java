package dev.smokegate.smoke.assertion;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Looks at a path before a check reads it, and words what is wrong with it. Reading is refused for
 * anything but a regular file: opening a FIFO would block until a writer came.
 */
final class FileProbe {

    /** Entries of a folder shown when a path in it is missing. */
    static final int LISTED_ENTRIES = 5;

    /** Entries of a folder looked at, at most, to choose the ones shown. */
    static final int MAX_LISTING_SCAN = 100_000;

    private FileProbe() {}

    /**
     * Why {@code path} cannot be read as a text file, or {@code null} when it is a regular file
     * (symbolic links followed).
     *
     * @param shown how the path is named in the message
     */
    static String problem(Path path, String shown) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(path)) {
                return shown + " is a dangling symbolic link" + linkTarget(path);
            }
            return shown + " does not exist";
        } catch (IOException e) {
            return describe(e, shown);
        }
        if (attributes.isDirectory()) {
            return shown + " is a folder, not a file";
        }
        if (!attributes.isRegularFile()) {
            return shown + " is not a regular file (a FIFO, socket or device)";
        }
        return null;
    }

    /**
     * {@code problem}, followed by what the nearest folder holds when {@code file} does not exist:
     * {@code target/x.txt does not exist; target/ holds a.txt, classes/}.
     */
    static String withNearby(String problem, Path workDir, Path file, String relative) {
        if (!Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return problem;
        }
        String nearby = nearby(workDir, relative);
        return nearby == null ? problem : problem + "; " + nearby;
    }

    /** {@code path} could not be read: {@code x does not exist}, {@code x is not readable (permission denied)}, … */
    static String describe(IOException e, String shown) {
        if (e instanceof NoSuchFileException) {
            return shown + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return shown + " is not readable (permission denied)";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return shown + " cannot be read: " + fse.getReason();
        }
        return shown + " cannot be read: " + e.getMessage();
    }

    /**
     * What is there instead of a missing path: {@code target/ holds app.war, classes/ and 3 more},
     * or {@code target/ does not exist, ./ holds pom.xml, src/}. The folder is the deepest existing
     * folder among the leading parts of {@code relative} that hold no glob characters.
     *
     * @param workDir the folder {@code relative} is relative to
     * @param relative a path or glob, {@code /}-separated
     * @return the description, or {@code null} when not even {@code workDir} is a folder
     */
    static String nearby(Path workDir, String relative) {
        List<String> literal = new ArrayList<>();
        String[] parts = relative.split("/", -1);
        for (int i = 0; i < parts.length - 1 && !GlobWalk.hasGlobCharacters(parts[i]); i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                literal.add(parts[i]);
            }
        }
        Path root = relative.startsWith("/")
                ? workDir.toAbsolutePath().getRoot()
                : workDir.toAbsolutePath().normalize();
        Path dir = root;
        for (String part : literal) {
            dir = dir.resolve(part);
        }
        dir = dir.normalize();
        String missing = null;
        while (!Files.isDirectory(dir)) {
            if (dir.equals(root) || !dir.startsWith(root)) {
                return null;
            }
            String name = shown(root, dir);
            missing = Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
                    ? name.substring(0, name.length() - 1) + " is not a folder"
                    : name + " does not exist";
            dir = dir.getParent();
        }
        String listing = listing(root, dir);
        return missing == null ? listing : missing + ", " + listing;
    }

    private static String listing(Path root, Path dir) {
        TreeSet<String> first = new TreeSet<>();
        long total = 0;
        boolean more = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(".git")) {
                    continue;
                }
                if (total == MAX_LISTING_SCAN) {
                    more = true;
                    break;
                }
                total++;
                first.add(Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
                if (first.size() > LISTED_ENTRIES) {
                    first.pollLast();
                }
            }
        } catch (IOException e) {
            return describe(e, shown(root, dir));
        }
        String name = shown(root, dir);
        if (total == 0) {
            return name + " is empty";
        }
        long rest = total - first.size();
        String others = rest == 0 && !more ? "" : " and " + Texts.number(rest) + (more ? "+" : "") + " more";
        return name + " holds " + String.join(", ", first) + others;
    }

    /** {@code target/}, or {@code ./} for the root itself. */
    private static String shown(Path root, Path dir) {
        if (dir.equals(root)) {
            return "./";
        }
        return root.relativize(dir).toString().replace(File.separatorChar, '/') + "/";
    }

    private static String linkTarget(Path link) {
        try {
            return " to " + Files.readSymbolicLink(link);
        } catch (IOException e) {
            return "";
        }
    }
}
