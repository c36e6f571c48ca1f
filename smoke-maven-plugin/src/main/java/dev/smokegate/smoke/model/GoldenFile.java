package dev.smokegate.smoke.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A golden file: the whole text a stream or a file of a step must equal ({@code equals-file} in the
 * manifest), kept in the user's project next to the manifest. Its lines may hold wildcards: {@code
 * [..]} for any text within a line, and a line {@code ...} for any number of lines.
 *
 * @param file the file, absolute: the path as written, resolved against the manifest's folder
 * @param shown the file as messages name it: the manifest's folder as shown joined with the path as
 *     written, such as {@code src/smoke/expected/greet.txt}
 */
public record GoldenFile(Path file, String shown) {
    /** @throws NullPointerException when a component is {@code null} */
    public GoldenFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(shown, "shown");
    }

    @Override
    public String toString() {
        return shown;
    }
}
