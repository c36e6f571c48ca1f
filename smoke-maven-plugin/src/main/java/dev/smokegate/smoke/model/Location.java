package dev.smokegate.smoke.model;

/**
 * A position in a manifest file, printed as {@code file:line:col} (both 1-based), the form
 * editors and terminals turn into a link.
 *
 * @param file the manifest path as the user wrote or configured it
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
