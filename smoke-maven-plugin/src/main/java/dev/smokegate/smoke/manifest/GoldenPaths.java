package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.GoldenFile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.tomlj.TomlTable;

/**
 * The rules of an {@code equals-file} path: a string, relative to the manifest's folder (as {@code
 * patch} files are), that stays inside that folder, naming a golden file that exists. The folder
 * rule keeps golden files in the user's project, next to the manifest, and never in a workspace:
 * update mode rewrites them. The path is literal: it takes no {@code ${…}} placeholder.
 *
 * <p>In update mode a golden file that does not exist yet is no problem: the run creates it.
 */
final class GoldenPaths {
    private final TomlReader toml;
    private final Path folder;
    private final Path shownFolder;
    private final boolean update;
    private final String updateSetting;

    /**
     * @param toml the load's reader, where problems go; its file name, as shown, gives the folder
     *     golden files are shown under
     * @param folder the manifest's folder
     * @param update whether the gate runs in update mode, which creates missing golden files
     * @param updateSetting how a user turns update mode on, such as {@code -Dsmoke.update}
     */
    GoldenPaths(TomlReader toml, Path folder, boolean update, String updateSetting) {
        this.toml = toml;
        this.folder = folder.toAbsolutePath().normalize();
        this.shownFolder = Path.of(toml.top().file()).getParent();
        this.update = update;
        this.updateSetting = updateSetting;
    }

    /**
     * @param table the table holding the path
     * @param key its key: {@code equals-file}, or a file path in {@code files.equals-file}
     * @param context the table, as messages name it, such as {@code greet › hello expect.stdout}
     * @return the golden file; {@code null} when absent or with a problem (reported at the key)
     */
    GoldenFile read(TomlTable table, String key, String context) {
        String written = toml.string(table, key, context);
        if (written == null) {
            return null;
        }
        String where = "'" + key + "' in " + context;
        if (written.isBlank()) {
            toml.problem(
                    toml.at(table, key),
                    where + " is empty. Write the golden file's path relative to the manifest's folder, such as"
                            + " \"expected/greet.txt\".");
            return null;
        }
        if (!PathText.check(toml, toml.at(table, key), where, written)) {
            return null;
        }
        Path relative;
        try {
            relative = Path.of(written).normalize();
        } catch (InvalidPathException e) {
            toml.problem(toml.at(table, key), where + " is not a valid path: " + written + ".");
            return null;
        }
        if (relative.isAbsolute()
                || relative.startsWith("..")
                || relative.toString().isEmpty()) {
            toml.problem(
                    toml.at(table, key),
                    where + " leaves the manifest's folder: " + written + ". Keep golden files in the project"
                            + " next to the manifest, such as \"expected/greet.txt\": " + updateSetting
                            + "=true rewrites them.");
            return null;
        }
        Path file = folder.resolve(relative);
        String shown = (shownFolder == null ? relative : shownFolder.resolve(relative)).toString();
        Path link = ThroughLink.first(folder, relative);
        if (link != null) {
            toml.problem(
                    toml.at(table, key),
                    where + " goes through the symlink '" + folder.relativize(link) + "': " + written
                            + ". Keep golden files in real folders next to the manifest: " + updateSetting
                            + "=true writes them, and must not write through a link.");
            return null;
        }
        if (Files.isDirectory(file)) {
            toml.problem(
                    toml.at(table, key), "golden file " + shown + " of " + where + " is a folder. Name a file in it.");
            return null;
        }
        if (!update && !Files.exists(file)) {
            toml.problem(
                    toml.at(table, key),
                    "golden file not found for " + where + ": " + written + " (resolved against the manifest's"
                            + " folder to " + shown + "). Run the gate once with " + updateSetting
                            + "=true to create it from the output, and review it; or fix the path.");
            return null;
        }
        return new GoldenFile(file, shown);
    }
}
