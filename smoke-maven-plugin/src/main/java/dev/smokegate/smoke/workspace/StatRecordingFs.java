package dev.smokegate.smoke.workspace;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;

/**
 * JGit's POSIX file system with one change: the {@code lstat} that {@link
 * org.eclipse.jgit.treewalk.FileTreeIterator} makes of every entry reads the full stat data ({@code
 * Files.readAttributes(path, "unix:…", NOFOLLOW_LINKS)}: type, mode, size, times in nanoseconds,
 * ctime, inode, device) and keeps it, so that {@link Fingerprint} needs no second {@code lstat} per
 * file. Used by one walk on one thread; not thread-safe.
 */
final class StatRecordingFs extends FS_POSIX {

    private static final String STAT_ATTRIBUTES = "unix:mode,ino,dev,size,lastModifiedTime,ctime";

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    private final Map<File, Fingerprint.Stat> stats = new HashMap<>();

    /** @param base the repository's file system, whose settings this one takes over */
    StatRecordingFs(FS base) {
        super(base);
    }

    /**
     * The stat data of a file, as one {@code lstat} read it.
     *
     * @param file the file
     * @return its stat data
     * @throws IOException as {@link Files#readAttributes(java.nio.file.Path, String, LinkOption...)}
     */
    static Fingerprint.Stat stat(File file) throws IOException {
        Map<String, Object> attributes =
                Files.readAttributes(file.toPath(), STAT_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return new Fingerprint.Stat(
                (Integer) attributes.get("mode"),
                (Long) attributes.get("size"),
                nanos((FileTime) attributes.get("lastModifiedTime")),
                nanos((FileTime) attributes.get("ctime")),
                (Long) attributes.get("ino"),
                (Long) attributes.get("dev"));
    }

    /**
     * The stat data the walk read for a file, or {@code null} when it read none (it was gone).
     *
     * @param file the entry's file
     * @return the stat data, or {@code null}
     */
    Fingerprint.Stat recorded(File file) {
        return stats.get(file);
    }

    @Override
    public Attributes getAttributes(File file) {
        Fingerprint.Stat stat;
        try {
            stat = stat(file);
        } catch (NoSuchFileException e) {
            return new Attributes(file, this); // as JGit: not there
        } catch (IOException | UnsupportedOperationException e) {
            return super.getAttributes(file);
        }
        stats.put(file, stat);
        return new StatAttributes(file, this, stat);
    }

    @Override
    public FS newInstance() {
        return new StatRecordingFs(this);
    }

    /** Nanoseconds since the epoch, without an {@link Instant} in between (saturated past 2262). */
    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }

    /** JGit's attributes of an entry, answered from the recorded stat data. */
    private static final class StatAttributes extends Attributes {
        private final int type;
        private final int mode;
        private final long modifiedNanos;

        StatAttributes(File file, FS fs, Fingerprint.Stat stat) {
            super(file, fs);
            this.type = stat.mode() & S_IFMT;
            this.mode = stat.mode();
            this.length = stat.size();
            this.modifiedNanos = stat.modifiedNanos();
        }

        @Override
        public boolean isDirectory() {
            return type == S_IFDIR;
        }

        @Override
        public boolean isExecutable() {
            return type == S_IFREG && (mode & 0100) != 0;
        }

        @Override
        public boolean isSymbolicLink() {
            return type == S_IFLNK;
        }

        @Override
        public boolean isRegularFile() {
            return type == S_IFREG;
        }

        @Override
        public Instant getLastModifiedInstant() { // made when asked: the fingerprint's walk never asks
            return Instant.ofEpochSecond(
                    Math.floorDiv(modifiedNanos, 1_000_000_000L), Math.floorMod(modifiedNanos, 1_000_000_000L));
        }
    }
}
