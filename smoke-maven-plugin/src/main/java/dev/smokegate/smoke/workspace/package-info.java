/**
 * Workspaces for the scenarios: a copy of the user's checkout or a clean clone through a cache of
 * mirrors, patched, compared and removed. Plain Java: nothing here imports Maven; the front end's
 * words for messages come in as a {@link dev.smokegate.smoke.model.FrontEnd}. One class, one job:
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.workspace.CheckoutCopier}: copies a checkout into a new workspace,
 *       or updates the previous one in place, and reports what it copied.
 *   <li>{@link dev.smokegate.smoke.workspace.PreviousWorkspace}: keeps a scenario's workspace aside
 *       between runs, for the next copy of the same checkout to update in place.
 *   <li>{@link dev.smokegate.smoke.workspace.CopyRecord}: the stat data of what one copy wrote, on
 *       both sides, and whether they still vouch for a file.
 *   <li>{@link dev.smokegate.smoke.workspace.CheckoutWalk}: decides which entries of the checkout a
 *       copy holds (index and working tree walked with git's ignore rules).
 *   <li>{@link dev.smokegate.smoke.workspace.EntryCopier}: writes those entries (files, symlinks,
 *       folders) into the workspace and collects what it skipped.
 *   <li>{@link dev.smokegate.smoke.workspace.WorkspaceRepository}: makes a workspace a git repository
 *       that borrows another's objects (alternates) and points HEAD at a commit.
 *   <li>{@link dev.smokegate.smoke.workspace.CloneCache}: the façade for clean clones through cached
 *       mirrors.
 *   <li>{@link dev.smokegate.smoke.workspace.MirrorStore}: names, opens and locks the cached mirrors.
 *   <li>{@link dev.smokegate.smoke.workspace.MirrorFetcher}: creates and fetches a mirror, with http
 *       logins and ssh, or not at all offline.
 *   <li>{@link dev.smokegate.smoke.workspace.RefResolver}: finds the commit a clone's ref names.
 *   <li>{@link dev.smokegate.smoke.workspace.WorkspaceCloner}: builds a cloned workspace from a
 *       mirror, checked out at that commit.
 *   <li>{@link dev.smokegate.smoke.workspace.CommitCheckout}: writes a commit's tree straight into a
 *       new, empty workspace.
 *   <li>{@link dev.smokegate.smoke.workspace.CloneFailures}: words the failures of a clone.
 *   <li>{@link dev.smokegate.smoke.workspace.MirrorDamage}: says whether a cached mirror is damaged
 *       (a pack that does not match its index, a broken HEAD or refs, an object its refs need).
 *   <li>{@link dev.smokegate.smoke.workspace.MirrorRecovery}: moves a damaged mirror aside and clones
 *       once more through a fresh one; offline, names the folder to delete.
 *   <li>{@link dev.smokegate.smoke.workspace.MissingObjects}: finds the objects a partial or shallow
 *       repository lacks, after a fetch or in a local remote.
 *   <li>{@link dev.smokegate.smoke.workspace.Causes}: the innermost cause of an exception, for
 *       messages.
 *   <li>{@link dev.smokegate.smoke.workspace.RemoteProbe}: checks that a clone's URL can be reached
 *       ({@code git ls-remote}), or that its commit is already cached, without cloning.
 *   <li>{@link dev.smokegate.smoke.workspace.CloneSettings}: what a cache's clones may use (offline,
 *       ssh directory, logins, front end).
 *   <li>{@link dev.smokegate.smoke.workspace.WorkspacePatch}: applies a patch in memory, all or
 *       nothing.
 *   <li>{@link dev.smokegate.smoke.workspace.PatchWriter}: writes a patch's result to disk.
 *   <li>{@link dev.smokegate.smoke.workspace.PatchedFile}: one path's content and mode before or after
 *       a patch.
 *   <li>{@link dev.smokegate.smoke.workspace.WorkspaceDiff}: writes a workspace's changes as a git
 *       diff.
 *   <li>{@link dev.smokegate.smoke.workspace.Fingerprint}: the state of a checkout, to prove the gate
 *       left it unchanged.
 *   <li>{@link dev.smokegate.smoke.workspace.StatRecordingFs}: JGit's file system reading and
 *       keeping each entry's full stat data in the one {@code lstat} of a walk.
 *   <li>{@link dev.smokegate.smoke.workspace.Repositories}: opens the repository a folder belongs to.
 *   <li>{@link dev.smokegate.smoke.workspace.TrackedOrNotIgnoredFilter}: keeps what {@code git
 *       ls-files --cached --others --exclude-standard} lists.
 *   <li>{@link dev.smokegate.smoke.workspace.SafeFileModeStrategy}: file modes from one {@code
 *       lstat}, special files never opened.
 *   <li>{@link dev.smokegate.smoke.workspace.SpecialFiles}: names what a path is when it is not a
 *       file, folder or symlink.
 *   <li>{@link dev.smokegate.smoke.workspace.Workspaces}: creates an empty workspace folder.
 *   <li>{@link dev.smokegate.smoke.workspace.Deletion}: the one recursive delete; never follows
 *       symlinks.
 *   <li>{@link dev.smokegate.smoke.workspace.WorkspaceException}: a workspace failure, with its
 *       reason.
 *   <li>{@link dev.smokegate.smoke.workspace.CopyReport}, {@link
 *       dev.smokegate.smoke.workspace.CloneReport}, {@link dev.smokegate.smoke.workspace.Skipped}:
 *       what a copy or a clone did, and a path a copy left out.
 * </ul>
 */
package dev.smokegate.smoke.workspace;
