package dev.smokegate.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry under a folder, byte for byte: for each path its type, mode and SHA-256 (a file), its
 * target (a symlink), or only its type (a FIFO, a socket, a device, which are never opened). Two
 * snapshots are equal when nothing under the folder was added, removed or changed, except in the
 * top-level entries left out: the check that a run left a checkout as it found it.
 */
record TreeSnapshot(Map<String, String> entries) {

    /**
     * @param root the folder
     * @param leftOut names of top-level entries not to look at, such as {@code target}
     */
    static TreeSnapshot of(Path root, Set<String> leftOut) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Path relative = root.relativize(path);
                if (relative.getNameCount() > 0
                        && leftOut.contains(relative.getName(0).toString())) {
                    continue;
                }
                entries.put(relative.toString(), describe(path));
            }
        }
        return new TreeSnapshot(entries);
    }

    private static String describe(Path path) throws IOException {
        PosixFileAttributes attributes =
                Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String mode = PosixFilePermissions.toString(attributes.permissions());
        if (attributes.isSymbolicLink()) {
            return "link -> " + Files.readSymbolicLink(path);
        }
        if (attributes.isDirectory()) {
            return "folder " + mode;
        }
        if (attributes.isOther()) {
            return "special " + mode;
        }
        return "file " + mode + " " + attributes.size() + " bytes sha256 " + sha256(path);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
