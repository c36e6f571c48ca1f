package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.model.SmokeLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the cache does when a clone through a mirror it already held failed and the mirror is damaged
 * ({@link MirrorDamage}): online, it moves the mirror aside to {@code <mirror>.corrupt-<UTC time>},
 * says so on the log, and clones once more through a fresh mirror. A second failure is reported, not
 * tried again. Offline, it fails naming the folder to delete. The failure is the cache's ({@link
 * WorkspaceException.Reason#CACHE_CORRUPT}), never the repository's.
 */
final class MirrorRecovery {

    private final CloneSettings settings;
    private final CloneFailures failures;
    private final SmokeLog log;
    private final Clock clock;

    /**
     * @param settings whether the cache is offline, and the front end's words
     * @param log where the move aside is said (warn)
     * @param clock the time the moved-aside folder is named by
     */
    MirrorRecovery(CloneSettings settings, SmokeLog log, Clock clock) {
        this.settings = settings;
        this.failures = new CloneFailures(settings);
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param failure what the clone through the cached mirror threw
     * @param mirror the mirror, which existed before the clone began
     * @param workspace the workspace, emptied before the second clone
     * @param where the start of any message
     * @param again the clone, run once more after the mirror was moved aside
     * @return the second clone's report
     * @throws WorkspaceException {@code failure} when the mirror is not damaged; CACHE_CORRUPT offline,
     *     or when the fresh mirror is damaged too; else the second clone's failure, saying where the
     *     damaged mirror went
     */
    CloneReport recover(
            WorkspaceException failure,
            Path mirror,
            Path workspace,
            String where,
            MirrorStore.Locked<CloneReport> again)
            throws WorkspaceException {
        String damage = MirrorDamage.of(mirror, failure).orElse(null);
        if (damage == null) {
            throw failure;
        }
        if (settings.offline()) {
            throw failures.corruptOffline(where, mirror, damage, failure);
        }
        Path aside;
        try {
            aside = MirrorStore.moveAside(mirror, clock.instant());
        } catch (IOException e) {
            throw CloneFailures.cacheFailure(mirror, where, e);
        }
        log.warn("[smoke] clone cache: mirror " + mirror + " is corrupt (" + damage + "); moved aside to " + aside
                + ", fetching a fresh one");
        Deletion.deleteContentsQuietly(workspace);
        try {
            return again.run();
        } catch (WorkspaceException second) {
            String still = MirrorDamage.of(mirror, second).orElse(null);
            if (still != null) {
                throw CloneFailures.corruptAgain(where, mirror, aside, still, second);
            }
            throw CloneFailures.afterMoveAside(second, aside);
        }
    }

    @Override
    public String toString() {
        return "MirrorRecovery[" + (settings.offline() ? "offline" : "online") + "]";
    }
}
