package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.FrontEnd;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the gate's work directory before any scenario runs, so a work directory that cannot exist
 * (a file in its path, a read-only file system, no permission) stops the gate once, with a message
 * that names the setting, instead of failing every scenario and then the reports.
 */
final class WorkDirectory {
    private WorkDirectory() {}

    /**
     * Creates {@link GateRequest#workDirectory()} and its missing parents.
     *
     * @param request the gate's request: its work directory, how paths are shown and the front end's
     *     name of the setting
     * @throws GateConfigurationException when the folder cannot be created: {@code Cannot create the
     *     work directory [-Dsmoke.workDirectory] target/smoke: target is a file, not a folder. Set
     *     -Dsmoke.workDirectory to a folder this user can create and write.}
     */
    static void create(GateRequest request) throws GateConfigurationException {
        Path folder = request.workDirectory();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            String setting = request.frontEnd().setting(FrontEnd.Setting.WORK_DIRECTORY);
            throw new GateConfigurationException("Cannot create the work directory [" + setting + "] "
                    + request.display(folder) + ": " + reason(folder, e, request) + ". Set " + setting
                    + " to a folder this user can create and write.");
        }
    }

    /** Why {@code folder} could not be created: a file in the way, permission denied, or what the file system said. */
    private static String reason(Path folder, IOException e, GateRequest request) {
        for (Path existing = folder; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                if (!Files.isDirectory(existing)) {
                    return request.display(existing) + " is a file, not a folder";
                }
                break;
            }
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason(); // e.g. "Read-only file system", without the path said again
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
