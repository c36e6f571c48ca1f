package dev.smokegate.smoke.workspace;

import java.io.IOException;
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
import java.util.TreeMap;

/** Test helper: the files and symlinks under a folder, without following links and without .git. */
final class TreeFiles {

    private TreeFiles() {}

    static List<String> list(Path root) throws IOException {
        List<String> paths = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                paths.add(root.relativize(file).toString());
                return FileVisitResult.CONTINUE;
            }
        });
        paths.sort(null);
        return paths;
    }

    /**
     * Each file and symlink under a folder (as {@link #list}) with what a copy must keep: a link's
     * target, or a file's permissions and the SHA-256 of its content.
     */
    static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> described = new TreeMap<>();
        for (String path : list(root)) {
            Path file = root.resolve(path);
            if (Files.isSymbolicLink(file)) {
                described.put(path, "symlink -> " + Files.readSymbolicLink(file));
            } else {
                described.put(
                        path,
                        "file "
                                + PosixFilePermissions.toString(
                                        Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))
                                + " " + (Files.isReadable(file) ? sha256(Files.readAllBytes(file)) : "unreadable"));
            }
        }
        return described;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
