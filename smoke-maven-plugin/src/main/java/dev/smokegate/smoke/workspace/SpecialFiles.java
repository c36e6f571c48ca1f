package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/** Names what a path is when it is not something the workspace code reads, without opening it. */
final class SpecialFiles {

    /** The path no longer exists: deleted while the walk ran. */
    static final String GONE = "gone";

    /** The path's type changed between the walk's lstat and a later look. */
    static final String CHANGED = "changed while copying";

    static final String FIFO = "FIFO";
    static final String SOCKET = "socket";
    static final String DEVICE = "device";
    static final String UNREADABLE = "unreadable";
    static final String DANGLING = "dangling symlink";
    static final String LOOP = "symlink loop";
    static final String OUTSIDE = "symlink points outside the tree";
    static final String NESTED_REPOSITORY = "nested git repository";

    // st_mode file types, from POSIX <sys/stat.h>.
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private SpecialFiles() {}

    /**
     * What a path that is not a regular file, folder or symlink is, from one {@code lstat}.
     *
     * @param path the path
     * @return {@link #FIFO}, {@link #SOCKET}, {@link #DEVICE}, {@link #GONE}, {@link #UNREADABLE},
     *     {@link #CHANGED} when it is a regular file, folder or symlink after all, or {@code "special
     *     file"} when the type cannot be told
     */
    static String kind(Path path) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isOther()) {
                return CHANGED; // the caller treats it as unusable
            }
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int type = mode instanceof Integer bits ? bits & S_IFMT : 0;
            return switch (type) {
                case S_IFIFO -> FIFO;
                case S_IFSOCK -> SOCKET;
                case S_IFCHR, S_IFBLK -> DEVICE;
                default -> "special file";
            };
        } catch (NoSuchFileException e) {
            return GONE;
        } catch (AccessDeniedException e) {
            return UNREADABLE;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return "special file";
        } catch (IOException e) {
            return UNREADABLE;
        }
    }

    /**
     * Why a symlink's target cannot be resolved, from the exception {@link Path#toRealPath} threw.
     *
     * @param e the exception
     * @return {@link #DANGLING}, {@link #LOOP} or {@link #UNREADABLE}
     */
    static String unresolvable(IOException e) {
        if (e instanceof NoSuchFileException) {
            return DANGLING;
        }
        if (e instanceof AccessDeniedException) {
            return UNREADABLE;
        }
        // ELOOP has no exception class of its own: glibc says "Too many levels of symbolic links",
        // musl "Symbolic link loop".
        if (e instanceof FileSystemException fse
                && fse.getReason() != null
                && fse.getReason().toLowerCase(Locale.ROOT).contains("symbolic link")) {
            return LOOP;
        }
        return UNREADABLE;
    }
}
