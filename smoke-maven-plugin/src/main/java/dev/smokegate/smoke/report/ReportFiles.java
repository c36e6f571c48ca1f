package dev.smokegate.smoke.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report file whole or not at all: the bytes go into a temporary file beside it ({@code
 * .<name>.<random>.tmp}), which is then renamed over the report. The rename is atomic (POSIX {@code
 * rename(2)}, {@link StandardCopyOption#ATOMIC_MOVE}), so a reader sees the earlier report or the new
 * one, never a part, and a write that fails leaves the earlier report as it was.
 *
 * <p>The temporary file is created as any file Maven writes, so the report's mode follows the umask
 * (0644 under the usual 022). {@link Files#createTempFile} would make it 0600, which another user
 * (a web server, a CI agent reading a build container's output) cannot read.
 */
public final class ReportFiles {
    /** How many temporary names are tried before giving up; one clash is already unlikely. */
    private static final int NAMES_TRIED = 16;

    private ReportFiles() {}

    /** What writes a report's bytes. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the temporary file; closing it is allowed but not needed
         * @throws IOException when the bytes cannot be written
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code file} with what {@code content} writes, creating its folder when missing.
     *
     * @param file the report, e.g. {@code target/smoke/smoke-summary.json}
     * @param content writes the new bytes
     * @throws IOException when the folder, the temporary file or the rename fails, or {@code content}
     *     throws; {@code file} is then unchanged and no temporary file is left
     */
    public static void replace(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = create(folder, file.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new empty file {@code .<name>.<random>.tmp} in {@code folder}: {@link Files#createFile}
     * without attributes, so with the umask's mode, and failing rather than reusing a file of that
     * name.
     */
    private static Path create(Path folder, String name) throws IOException {
        FileAlreadyExistsException clash = null;
        for (int tried = 0; tried < NAMES_TRIED; tried++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temporary = folder.resolve("." + name + "." + random + ".tmp");
            try {
                return Files.createFile(temporary);
            } catch (FileAlreadyExistsException e) {
                clash = e;
            }
        }
        throw clash;
    }
}
