package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Finds the commit a clone's ref names in a mirror: the default branch (HEAD), a full 40-hex SHA,
 * a full ref name, or a short branch or tag name (branches first), annotated tags peeled.
 */
final class RefResolver {

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

    private final boolean offline;
    private final CloneFailures failures;

    /**
     * @param settings whether a missing ref means "not cached yet" rather than "does not exist", and
     *     the words of the messages
     */
    RefResolver(CloneSettings settings) {
        this.offline = settings.offline();
        this.failures = new CloneFailures(settings);
    }

    /**
     * What to check out: a branch (checked out as such) or a detached commit.
     *
     * @param branch the short branch name, or {@code null} for a detached HEAD
     * @param commit the commit
     */
    record Target(String branch, RevCommit commit) {}

    /**
     * @param ref a full 40-hex commit SHA, or anything else
     * @return whether it is a full SHA, which needs no fetch when the mirror has it
     */
    static boolean isFullSha(String ref) {
        return ref != null && FULL_SHA.matcher(ref).matches();
    }

    /**
     * @param mirror the mirror, already fetched as needed
     * @param ref the ref, or {@code null} for the default branch
     * @param where the start of any message
     * @return what to check out
     * @throws WorkspaceException REF_NOT_FOUND when the ref does not exist or is not a commit;
     *     OFFLINE_NOT_CACHED when offline and the mirror does not have it; IO when the mirror cannot
     *     be read
     */
    Target resolve(Path mirror, String ref, String where) throws WorkspaceException {
        try (Repository repository = MirrorStore.open(mirror)) {
            Target wanted = find(repository, ref, where);
            if (wanted == null) {
                throw offline
                        ? failures.offlineWithoutRef(where, mirror, ref)
                        : CloneFailures.notFound(repository, ref, where);
            }
            return wanted;
        } catch (IOException e) {
            throw CloneFailures.cacheFailure(mirror, where, e);
        }
    }

    private static Target find(Repository repository, String ref, String where) throws WorkspaceException {
        try (RevWalk walk = new RevWalk(repository)) {
            if (ref == null) {
                Ref head = repository.exactRef(Constants.HEAD);
                if (head == null || head.getObjectId() == null) {
                    return null;
                }
                String target = head.getTarget().getName();
                return new Target(
                        target.startsWith(Constants.R_HEADS) ? target.substring(Constants.R_HEADS.length()) : null,
                        walk.parseCommit(head.getObjectId()));
            }
            if (isFullSha(ref)) {
                ObjectId id = ObjectId.fromString(ref);
                return repository.getObjectDatabase().has(id) ? new Target(null, walk.parseCommit(id)) : null;
            }
            for (String name : ref.startsWith(Constants.R_REFS)
                    ? List.of(ref)
                    : List.of(Constants.R_HEADS + ref, Constants.R_TAGS + ref)) {
                Ref found = repository.exactRef(name);
                if (found != null && found.getObjectId() != null) {
                    RevCommit commit = walk.parseCommit(found.getObjectId()); // peels annotated tags
                    return new Target(
                            name.startsWith(Constants.R_HEADS) ? name.substring(Constants.R_HEADS.length()) : null,
                            commit);
                }
            }
            return null;
        } catch (IOException | JGitInternalException e) {
            throw CloneFailures.notACommit(where, ref, e);
        }
    }

    @Override
    public String toString() {
        return "RefResolver[" + (offline ? "offline" : "online") + "]";
    }
}
