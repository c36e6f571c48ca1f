package dev.smokegate.smoke.workspace;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * Finds the objects a repository's history needs but does not hold: what a partial clone ({@code git
 * clone --filter}) or a shallow clone lacks. Two places need it:
 *
 * <ul>
 *   <li>after a fetch into a mirror, the fetched commits are walked (as {@code git fetch} checks
 *       connectivity): JGit serves a shallow repository without the parents it lacks, and does not
 *       check what it received;
 *   <li>when a fetch from a local repository ({@code file://} or a path) fails, that repository is
 *       walked: JGit's upload-pack fails on an object it lacks with nothing but {@code remote: internal
 *       server error}, and the object is named only here.
 * </ul>
 */
final class MissingObjects {

    private MissingObjects() {}

    /**
     * What a repository lacks.
     *
     * @param missing the first missing object, as JGit words it: {@code Missing blob aedca04…}
     * @param kind what the repository is, {@code a partial clone, made with git clone --filter}, {@code a
     *     shallow clone} or both; {@code null} when that is not known
     */
    record Gap(String missing, String kind) {}

    /**
     * Walks the commits a fetch brought, down to what the mirror held before (its other refs and the
     * changed refs' old values): each one's parents must be there. Only commits are walked, which is
     * cheap; a missing tree or blob is one the server could not send, and its fetch failed. When a
     * commit is missing, the changed refs are set back to their old values, so that the mirror never
     * points at a history it does not hold.
     *
     * @param mirror the mirror, after the fetch
     * @param result what the fetch did
     * @return the first missing object, e.g. {@code Missing commit 1f0c…}; empty when the history is
     *     complete
     * @throws IOException when the mirror cannot be read or its refs cannot be set back
     */
    static Optional<String> afterFetch(Repository mirror, FetchResult result) throws IOException {
        Optional<String> missing = walkFetched(mirror, result);
        if (missing.isPresent()) {
            for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
                setBack(mirror, update);
            }
        }
        return missing;
    }

    private static Optional<String> walkFetched(Repository mirror, FetchResult result) throws IOException {
        try (RevWalk walk = new RevWalk(mirror)) {
            Set<String> changed = new HashSet<>();
            for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
                ObjectId now = update.getNewObjectId();
                if (now == null || now.equals(ObjectId.zeroId()) || now.equals(update.getOldObjectId())) {
                    continue;
                }
                changed.add(update.getLocalName());
                if (walk.peel(walk.parseAny(now)) instanceof RevCommit commit) {
                    walk.markStart(commit);
                }
                uninteresting(walk, update.getOldObjectId());
            }
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            for (Ref ref : mirror.getRefDatabase().getRefsByPrefix(Constants.R_REFS)) {
                if (!changed.contains(ref.getName())) {
                    uninteresting(walk, ref.getObjectId());
                }
            }
            while (walk.next() != null) {
                // each commit's parents are parsed: a missing one throws
            }
            return Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** What the mirror held before is not walked; an old value the mirror cannot read is left out. */
    private static void uninteresting(RevWalk walk, ObjectId id) throws IOException {
        if (id == null || id.equals(ObjectId.zeroId())) {
            return;
        }
        try {
            if (walk.peel(walk.parseAny(id)) instanceof RevCommit commit) {
                walk.markUninteresting(commit);
            }
        } catch (MissingObjectException e) {
            // Not in the mirror: nothing to stop the walk at.
        }
    }

    private static void setBack(Repository mirror, TrackingRefUpdate update) throws IOException {
        ObjectId old = update.getOldObjectId();
        if (update.getNewObjectId() == null || update.getNewObjectId().equals(old)) {
            return;
        }
        RefUpdate back = mirror.updateRef(update.getLocalName());
        back.setForceUpdate(true);
        if (old == null || old.equals(ObjectId.zeroId())) {
            back.delete();
        } else {
            back.setNewObjectId(old);
            back.update();
        }
    }

    /**
     * The gap of a repository on this machine, named by a {@code file://} URL or a path; walked from
     * every ref, and from the parents of a shallow clone's boundary commits.
     *
     * @param url the clone URL
     * @return the gap; empty when the URL is not local, is not a repository, or the repository's
     *     history is complete
     */
    static Optional<Gap> ofLocal(String url) {
        File directory = localDirectory(url);
        File gitDir = directory == null ? null : RepositoryCache.FileKey.resolve(directory, FS.DETECTED);
        if (gitDir == null) {
            return Optional.empty();
        }
        try (Repository repository = new FileRepositoryBuilder()
                        .setGitDir(gitDir)
                        .setMustExist(true)
                        .build();
                ObjectReader reader = repository.newObjectReader()) {
            Set<ObjectId> shallow = reader.getShallowCommits();
            Optional<String> missing = walkAll(repository);
            if (missing.isEmpty()) {
                missing = missingParent(reader, shallow);
            }
            String kind = kind(repository.getConfig(), !shallow.isEmpty());
            return missing.map(object -> new Gap(object, kind));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no diagnosis: the fetch's own failure stands
        }
    }

    private static Optional<String> walkAll(Repository repository) throws IOException {
        try (ObjectWalk walk = new ObjectWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_REFS)) {
                if (ref.getObjectId() != null) {
                    walk.markStart(walk.parseAny(ref.getObjectId()));
                }
            }
            walk.checkConnectivity();
            return Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * JGit's walks treat a shallow clone's boundary commits as having no parents; their own text
     * names the parents the clone lacks.
     */
    private static Optional<String> missingParent(ObjectReader reader, Set<ObjectId> shallow) throws IOException {
        for (ObjectId boundary : shallow) {
            if (!reader.has(boundary)) {
                return Optional.of(new MissingObjectException(boundary, Constants.OBJ_COMMIT).getMessage());
            }
            RevCommit commit =
                    RevCommit.parse(reader.open(boundary, Constants.OBJ_COMMIT).getCachedBytes());
            for (RevCommit parent : commit.getParents()) {
                if (!reader.has(parent)) {
                    return Optional.of(new MissingObjectException(parent, Constants.OBJ_COMMIT).getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code a partial clone, made with git clone --filter}, {@code a shallow clone}, both, or null. */
    private static String kind(Config config, boolean shallow) {
        boolean partial = config.getString(ConfigConstants.CONFIG_EXTENSIONS_SECTION, null, "partialclone") != null
                || config.getSubsections(ConfigConstants.CONFIG_REMOTE_SECTION).stream()
                        .anyMatch(remote ->
                                config.getBoolean(ConfigConstants.CONFIG_REMOTE_SECTION, remote, "promisor", false));
        if (partial && shallow) {
            return "a partial and shallow clone";
        }
        if (partial) {
            return "a partial clone, made with git clone --filter";
        }
        return shallow ? "a shallow clone" : null;
    }

    /** The folder a {@code file://} URL or a plain path names, or null for other URLs. */
    private static File localDirectory(String url) {
        try {
            URIish uri = new URIish(url);
            boolean local = uri.getHost() == null
                    && (uri.getScheme() == null || uri.getScheme().equals("file"));
            if (!local || uri.getPath() == null) {
                return null;
            }
            File directory = new File(uri.getPath());
            return directory.isDirectory() ? directory : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
