package dev.smokegate.smoke.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a folder holds, byte for byte: each entry's type, permissions and, for a regular file, its
 * size and SHA-256; symlinks as their targets, never followed; FIFOs and sockets by type only
 * (never opened). One subfolder may be left out: the one the code under test may write.
 */
final class TreeState {
    private final Map<String, String> entries;

    private TreeState(Map<String, String> entries) {
        this.entries = entries;
    }

    /**
     * @param root the folder to describe
     * @param allowed a folder under root that is left out, or a path that does not exist
     */
    static TreeState of(Path root, Path allowed) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(allowed)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entries.put(dir.toString(), "dir " + permissions(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String state;
                if (attrs.isSymbolicLink()) {
                    state = "link -> " + Files.readSymbolicLink(file);
                } else if (attrs.isRegularFile()) {
                    state = "file " + permissions(file) + " " + attrs.size() + " " + sha256(file);
                } else {
                    state = "other " + permissions(file);
                }
                entries.put(file.toString(), state);
                return FileVisitResult.CONTINUE;
            }
        });
        return new TreeState(entries);
    }

    /** @return both states as one (their folders must not overlap) */
    TreeState and(TreeState other) {
        Map<String, String> both = new TreeMap<>(entries);
        both.putAll(other.entries);
        return new TreeState(both);
    }

    /** @return each path that was added, removed or changed since before, with what it was and is */
    List<String> changesFrom(TreeState before) {
        Set<String> paths = new TreeSet<>(entries.keySet());
        paths.addAll(before.entries.keySet());
        List<String> changes = new ArrayList<>();
        for (String path : paths) {
            String was = before.entries.get(path);
            String is = entries.get(path);
            if (was == null || !was.equals(is)) {
                changes.add(path + ": " + was + " -> " + is);
            }
        }
        return changes;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
