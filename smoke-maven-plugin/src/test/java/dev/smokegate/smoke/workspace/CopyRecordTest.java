package dev.smokegate.smoke.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyRecordTest {

    private static final long STARTED = 1_000_000_000_000L;
    private static final long FINISHED = STARTED + 5_000_000_000L;
    private static final long WINDOW = 20_000_000L;

    @TempDir
    Path tmp;

    @Test
    void vouches_bothSidesUnchangedAndOlderThanTheWindow_true() {
        CopyRecord record = record(stat(STARTED - WINDOW - 1, 7), stat(FINISHED - WINDOW - 1, 8));

        assertThat(record.vouches("a", stat(STARTED - WINDOW - 1, 7), stat(FINISHED - WINDOW - 1, 8)))
                .isTrue();
    }

    @Test
    void vouches_checkoutFileChangedWithinTheWindowBeforeTheCopyStarted_false() {
        // A second write in the same tick as the one the walk saw would leave these stat data.
        CopyRecord record = record(stat(STARTED - WINDOW, 7), stat(FINISHED - WINDOW - 1, 8));

        assertThat(record.vouches("a", stat(STARTED - WINDOW, 7), stat(FINISHED - WINDOW - 1, 8)))
                .isFalse();
    }

    @Test
    void vouches_workspaceFileWrittenWithinTheWindowBeforeTheRecord_false() {
        // A step's write in the tick of the copy's own write would leave these stat data.
        CopyRecord record = record(stat(STARTED - WINDOW - 1, 7), stat(FINISHED - WINDOW, 8));

        assertThat(record.vouches("a", stat(STARTED - WINDOW - 1, 7), stat(FINISHED - WINDOW, 8)))
                .isFalse();
    }

    @Test
    void vouches_eachSideHasItsOwnWindow() {
        // A checkout on another file system gets a coarser window than the workspace's.
        long coarse = 2_010_000_000L;
        Fingerprint.Stat source = stat(STARTED - WINDOW - 1, 7);
        Fingerprint.Stat copy = stat(FINISHED - WINDOW - 1, 8);
        CopyRecord record = new CopyRecord(
                "/w", STARTED, FINISHED, coarse, WINDOW, Map.of("a", new CopyRecord.Entry(source, copy)));
        Fingerprint.Stat oldSource = stat(STARTED - coarse - 1, 7);
        CopyRecord old = new CopyRecord(
                "/w", STARTED, FINISHED, coarse, WINDOW, Map.of("a", new CopyRecord.Entry(oldSource, copy)));

        assertThat(record.vouches("a", source, copy)).isFalse();
        assertThat(old.vouches("a", oldSource, copy)).isTrue();
    }

    @Test
    void vouches_anyStatFieldDiffers_false() {
        Fingerprint.Stat source = stat(STARTED - WINDOW - 1, 7);
        Fingerprint.Stat copy = stat(FINISHED - WINDOW - 1, 8);
        CopyRecord record = record(source, copy);

        Fingerprint.Stat replaced = new Fingerprint.Stat(
                copy.mode(), copy.size(), copy.modifiedNanos(), copy.changedNanos(), 99, copy.device());
        Fingerprint.Stat restoredMtime = new Fingerprint.Stat(
                copy.mode(), copy.size(), copy.modifiedNanos(), copy.changedNanos() + 1, copy.inode(), copy.device());
        Fingerprint.Stat chmod = new Fingerprint.Stat(
                0100755, copy.size(), copy.modifiedNanos(), copy.changedNanos(), copy.inode(), copy.device());
        assertThat(record.vouches("a", source, replaced)).isFalse();
        assertThat(record.vouches("a", source, restoredMtime)).isFalse();
        assertThat(record.vouches("a", source, chmod)).isFalse();
        assertThat(record.vouches("a", replaced, copy)).isFalse();
        assertThat(record.vouches("b", source, copy)).isFalse();
    }

    @Test
    void write_thenRead_vouchesForTheSame() throws IOException {
        Fingerprint.Stat source = stat(STARTED - WINDOW - 1, 7);
        Fingerprint.Stat copy = stat(FINISHED - WINDOW - 1, 8);
        Path file = tmp.resolve(CopyRecord.FILE_NAME);

        record(source, copy).write(file);
        CopyRecord read = CopyRecord.read(file);

        assertThat(read.workTree()).isEqualTo("/work tree/ü");
        assertThat(read.size()).isEqualTo(1);
        assertThat(read.vouches("a", source, copy)).isTrue();
        assertThat(read.vouches("a", source, stat(FINISHED - WINDOW, 8))).isFalse();
        assertThat(tmp.resolve(CopyRecord.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void read_notARecord_throws() throws IOException {
        Path file = Files.writeString(tmp.resolve("record"), "not a record");

        assertThatThrownBy(() -> CopyRecord.read(file)).isInstanceOf(IOException.class);
    }

    private static CopyRecord record(Fingerprint.Stat source, Fingerprint.Stat copy) {
        return new CopyRecord(
                "/work tree/ü", STARTED, FINISHED, WINDOW, WINDOW, Map.of("a", new CopyRecord.Entry(source, copy)));
    }

    /** A regular file of 12 bytes whose mtime and ctime are both {@code nanos}. */
    private static Fingerprint.Stat stat(long nanos, long inode) {
        return new Fingerprint.Stat(0100644, 12, nanos, nanos, inode, 2049);
    }
}
