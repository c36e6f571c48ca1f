package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.HostCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code requires.free-disk}: the space usable by this JVM ({@link java.nio.file.FileStore#getUsableSpace()})
 * on the work directory's file system, measured at the work directory or, before it exists, its
 * nearest existing ancestor.
 *
 * @param bytes the space needed, in bytes
 */
record FreeDiskCheck(long bytes) implements Check {
    @Override
    public String name() {
        return "free-disk " + Words.size(bytes);
    }

    @Override
    public String rule() {
        return "host.requires.free-disk";
    }

    @Override
    public HostCheck run(Host host, Duration timeout) {
        Path where = host.workDirectory();
        while (where != null && !Files.exists(where)) {
            where = where.getParent();
        }
        if (where == null) {
            return fail("no existing folder above " + host.workDirectory());
        }
        long free;
        try {
            free = Files.getFileStore(where).getUsableSpace();
        } catch (IOException e) {
            return fail("cannot read the free space of " + where + ": " + e.getMessage());
        }
        String seen = Words.size(free) + " free in " + where;
        return free >= bytes ? pass(seen) : fail(seen + ", need " + Words.size(bytes));
    }
}
