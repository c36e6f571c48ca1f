package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What makes a manifest string unusable as a path on any file system the gate runs on, before it is
 * turned into a {@link java.nio.file.Path} (which throws on a NUL): a NUL character (POSIX path
 * names are NUL-terminated C strings), more than {@value #PATH_MAX} bytes in all (Linux {@code
 * PATH_MAX}), or a segment of more than {@value #NAME_MAX} bytes (Linux {@code NAME_MAX}; the limit
 * of ext4, XFS, APFS and NTFS alike), each counted in UTF-8 bytes.
 */
final class PathText {
    /** The longest path, in bytes, with its terminating NUL: Linux {@code PATH_MAX}. */
    static final int PATH_MAX = 4096;

    /** The longest file name, in bytes: Linux {@code NAME_MAX}. */
    static final int NAME_MAX = 255;

    private static final int SHOWN = 60;

    private PathText() {}

    /**
     * @param path a path as written in the manifest
     * @return why it cannot be a path, and what to do, as {@code <why>. <what to do>.}; empty when
     *     it can be one
     */
    static Optional<String> problem(String path) {
        int nul = path.indexOf('\0');
        if (nul >= 0) {
            return Optional.of("it holds a NUL character (\\u0000) at index " + nul + ". Remove it");
        }
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= PATH_MAX) {
            return Optional.of("it is " + bytes + " bytes long, and a path holds at most " + (PATH_MAX - 1)
                    + " (PATH_MAX). Shorten it");
        }
        for (String segment : path.split("[/\\\\]")) {
            int length = segment.getBytes(StandardCharsets.UTF_8).length;
            if (length > NAME_MAX) {
                return Optional.of("its part '" + shown(segment) + "' is " + length
                        + " bytes long, and a file name holds at most " + NAME_MAX + " (NAME_MAX). Shorten it");
            }
        }
        return Optional.empty();
    }

    /**
     * @param path a path as written in the manifest
     * @return it as a message may show it: a NUL written <code>&#92;u0000</code>, at most {@value #SHOWN}
     *     characters and an ellipsis
     */
    static String shown(String path) {
        String escaped = path.replace("\0", "\\u0000");
        return escaped.length() <= SHOWN ? escaped : escaped.substring(0, SHOWN) + "…";
    }

    /**
     * Reports a path that cannot be one, at its key.
     *
     * @param toml the load's reader, where problems go
     * @param at where the path is written
     * @param what the key as messages name it, such as {@code 'cwd' in [[scenario]] 'a' › s}
     * @param path the path as written
     * @return whether it can be a path (nothing was reported)
     */
    static boolean check(TomlReader toml, Location at, String what, String path) {
        Optional<String> problem = problem(path);
        problem.ifPresent(why -> toml.problem(at, what + " is not a usable path: '" + shown(path) + "': " + why + "."));
        return problem.isEmpty();
    }
}
