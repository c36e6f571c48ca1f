package dev.smokegate.smoke.workspace;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * What one checkout copy wrote into a workspace, kept beside the workspace ({@value #FILE_NAME}) so
 * that the next copy into the same place can keep the files that provably changed on neither side
 * ({@link PreviousWorkspace}, {@link CheckoutCopier#update}).
 *
 * <p>For each regular file it holds two sets of stat data ({@link Fingerprint.Stat}: mode, size in
 * bytes, modification and status-change time in nanoseconds, inode, device): the checkout's file as
 * the copy's walk read it before reading its content, and the workspace's file right after it was
 * written and closed. A later copy keeps a file only when both sides still have exactly these stat
 * data ({@link #vouches}), by the argument of {@link Fingerprint}: no write, chmod, rename over,
 * hard link or replacement leaves the ctime and inode as they were, and user space cannot set a
 * ctime. As git does for racily clean index entries, stat data are not trusted when they fall within
 * the timestamp resolution (plus one tick of the kernel's coarse clock) of the moment that mattered:
 * the copy's start for the checkout's side (a second write in the same tick as the one the walk saw
 * would leave equal stat data), and the record's completion for the workspace's side (a step's write
 * in the tick of the copy's own write).
 *
 * <p>The file is binary ({@link DataOutputStream}): a magic string and format version, the working
 * tree it was copied from, the copy's start and completion in nanoseconds since the epoch, the window
 * in nanoseconds for each side, then one entry per path. A record that cannot be read, or was written for another
 * working tree, vouches for nothing.
 */
final class CopyRecord {

    /** The record's name, next to the workspace folder it describes. */
    static final String FILE_NAME = ".workspace-record";

    private static final String MAGIC = "smoke-workspace-record";

    private static final int VERSION = 2;

    /**
     * One copied file's stat data on both sides.
     *
     * @param source the checkout's file, as the walk read it before its content was read
     * @param copy the workspace's file, right after it was written
     */
    record Entry(Fingerprint.Stat source, Fingerprint.Stat copy) {}

    private final String workTree;
    private final long startedNanos;
    private final long finishedNanos;
    private final long sourceWindowNanos;
    private final long copyWindowNanos;
    private final Map<String, Entry> entries;

    /**
     * @param workTree the checkout's working tree, absolute
     * @param startedNanos when the copy began, before its walk read any stat data (epoch nanoseconds)
     * @param finishedNanos when the last file was written and its stat data read (epoch nanoseconds)
     * @param sourceWindowNanos the checkout's file system's timestamp resolution plus one clock tick,
     *     in nanoseconds
     * @param copyWindowNanos the same for the workspace's file system
     * @param entries the copied regular files by working-tree-relative path
     */
    CopyRecord(
            String workTree,
            long startedNanos,
            long finishedNanos,
            long sourceWindowNanos,
            long copyWindowNanos,
            Map<String, Entry> entries) {
        this.workTree = workTree;
        this.startedNanos = startedNanos;
        this.finishedNanos = finishedNanos;
        this.sourceWindowNanos = sourceWindowNanos;
        this.copyWindowNanos = copyWindowNanos;
        this.entries = entries;
    }

    /** @return the working tree the copy came from */
    String workTree() {
        return workTree;
    }

    /** @return how many files the record holds */
    int size() {
        return entries.size();
    }

    /**
     * Whether the workspace file at a path still holds what the checkout's file holds now: both sides'
     * stat data are those recorded, and neither was racily clean when recorded.
     *
     * @param path the working-tree-relative path
     * @param source the checkout file's stat data now
     * @param copy the workspace file's stat data now
     * @return whether the workspace file can be kept as it is
     */
    boolean vouches(String path, Fingerprint.Stat source, Fingerprint.Stat copy) {
        Entry entry = entries.get(path);
        return entry != null
                && entry.source().equals(source)
                && entry.copy().equals(copy)
                && latest(entry.source()) < startedNanos - sourceWindowNanos
                && latest(entry.copy()) < finishedNanos - copyWindowNanos;
    }

    private static long latest(Fingerprint.Stat stat) {
        return Math.max(stat.modifiedNanos(), stat.changedNanos());
    }

    /**
     * Writes the record through a temporary file and an atomic rename, so that a reader never sees
     * half of one.
     *
     * @param file where it goes
     * @throws IOException when it cannot be written
     */
    void write(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(workTree);
            out.writeLong(startedNanos);
            out.writeLong(finishedNanos);
            out.writeLong(sourceWindowNanos);
            out.writeLong(copyWindowNanos);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                out.writeUTF(entry.getKey());
                writeStat(out, entry.getValue().source());
                writeStat(out, entry.getValue().copy());
            }
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Reads a record.
     *
     * @param file the record
     * @return the record
     * @throws IOException when it cannot be read, or is not a record of this format and version
     */
    static CopyRecord read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new IOException(file + " is not a workspace record of version " + VERSION);
            }
            String workTree = in.readUTF();
            long started = in.readLong();
            long finished = in.readLong();
            long sourceWindow = in.readLong();
            long copyWindow = in.readLong();
            int count = in.readInt();
            if (count < 0) {
                throw new IOException(file + " holds a negative entry count");
            }
            // Sized from the count only up to a bound: a damaged count must not allocate gigabytes.
            Map<String, Entry> entries = new HashMap<>(Math.min(1 << 20, Math.max(16, count * 4 / 3 + 1)));
            for (int i = 0; i < count; i++) {
                entries.put(in.readUTF(), new Entry(readStat(in), readStat(in)));
            }
            return new CopyRecord(workTree, started, finished, sourceWindow, copyWindow, entries);
        }
    }

    private static void writeStat(DataOutputStream out, Fingerprint.Stat stat) throws IOException {
        out.writeInt(stat.mode());
        out.writeLong(stat.size());
        out.writeLong(stat.modifiedNanos());
        out.writeLong(stat.changedNanos());
        out.writeLong(stat.inode());
        out.writeLong(stat.device());
    }

    private static Fingerprint.Stat readStat(DataInputStream in) throws IOException {
        return new Fingerprint.Stat(
                in.readInt(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    @Override
    public String toString() {
        return "CopyRecord[" + workTree + ", " + entries.size() + " files]";
    }
}
