/**
 * The ratchet: a scenario name that the manifest's committed history ever held may leave the
 * manifest only through its {@code [retired]} table. Reads git history with JGit and the old versions
 * with the manifest package's own name rules; knows nothing of Maven.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.ratchet.Ratchet}: the entry point: compares the names of every
 *       committed version with the manifest's names and retired names now.
 *   <li>{@link dev.smokegate.smoke.ratchet.RatchetResult}: what it found: the names checked, the
 *       versions read (and how many came from the cache), the missing names with the commit each
 *       was last seen in, the versions skipped and the renames followed.
 *   <li>{@link dev.smokegate.smoke.ratchet.ManifestHistory}: finds the repository whose work tree
 *       holds the manifest, and walks the commits that changed it from {@code HEAD} back, following
 *       renames of the file.
 *   <li>{@link dev.smokegate.smoke.ratchet.NameCache}: the names of each version read, by blob id,
 *       as JSON in the work directory, so each version is parsed once.
 *   <li>{@link dev.smokegate.smoke.ratchet.RatchetException}: the repository holds the manifest but
 *       cannot be read.
 * </ul>
 */
package dev.smokegate.smoke.ratchet;
