package dev.smokegate.smoke.engine;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the files of an {@code export.files} step out of the workspace, keeping their relative
 * paths. Only regular files are copied; symlinks are not followed and {@code .git} is not entered.
 */
final class Exporter {
    private Exporter() {}

    /**
     * @param workspace the workspace root
     * @param globs globs relative to the workspace root
     * @param target the export folder
     * @return the relative paths copied, in walk order
     * @throws IOException when the workspace cannot be walked or a file cannot be copied
     */
    static List<String> copy(Path workspace, List<String> globs, Path target) throws IOException {
        List<PathMatcher> matchers = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        List<String> copied = new ArrayList<>();
        Files.walkFileTree(workspace, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(workspace.resolve(".git")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = workspace.relativize(file);
                if (attrs.isRegularFile() && matchers.stream().anyMatch(m -> m.matches(relative))) {
                    Path destination = target.resolve(relative.toString());
                    Files.createDirectories(destination.getParent());
                    Files.copy(
                            file, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    copied.add(relative.toString());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return copied;
    }
}
