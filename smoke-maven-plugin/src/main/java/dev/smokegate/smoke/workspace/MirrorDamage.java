package dev.smokegate.smoke.workspace;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.CorruptPackIndexException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.PackInvalidException;
import org.eclipse.jgit.errors.PackMismatchException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Says whether a cached mirror is damaged, after a clone through it failed: the cache wrote the
 * mirror itself, from a fetch that JGit checked, so a mirror that does not hold what its own refs
 * name is the cache's fault, not the repository's. Looked at, in order:
 *
 * <ul>
 *   <li>each pack ({@code objects/pack/pack-*.pack}) against its index: a pack ends with the checksum
 *       its {@code .idx} records just before the index's own ({@code gitformat-pack(5)}); a pack cut
 *       short or overwritten does not;
 *   <li>{@code HEAD}: a symbolic ref ({@code ref: refs/…}) or a full commit SHA;
 *   <li>each loose ref file under {@code refs/}: the same;
 *   <li>the refs ({@code refs/} and {@code packed-refs}) can be read;
 *   <li>each ref's object, and a commit's tree, can be read;
 *   <li>the failure itself: one whose innermost cause is a missing or corrupt object or pack, met while
 *       reading the mirror.
 * </ul>
 *
 * <p>A failure of the repository (a partial or shallow remote) is never the mirror's damage.
 */
final class MirrorDamage {

    private static final Pattern HEAD_TEXT = Pattern.compile("ref: refs/\\S+|[0-9a-f]{40}");
    /** The pack's checksum (20 bytes) followed by the index's own checksum (20 bytes) end an index file. */
    private static final int CHECKSUM = 20;
    /** A pack header ({@code PACK}, version, count) and its trailing checksum: the shortest pack. */
    private static final int SHORTEST_PACK = 12 + CHECKSUM;

    private static final List<Class<? extends Throwable>> OBJECT_STORE_FAILURES = List.of(
            MissingObjectException.class,
            CorruptObjectException.class,
            PackInvalidException.class,
            PackMismatchException.class,
            CorruptPackIndexException.class,
            DataFormatException.class,
            EOFException.class);

    private MirrorDamage() {}

    /**
     * @param mirror the cached mirror a clone went through
     * @param failure what the clone threw
     * @return what is damaged, e.g. {@code objects/pack/pack-1f0c….pack does not match its index
     *     (truncated or overwritten: 1024 bytes)} or {@code refs/heads/main: Missing unknown 9b68…};
     *     empty when the mirror looks whole and the failure is not about its objects
     */
    static Optional<String> of(Path mirror, WorkspaceException failure) {
        if (failure.reason() == WorkspaceException.Reason.INCOMPLETE_REPOSITORY || !Files.isDirectory(mirror)) {
            return Optional.empty();
        }
        Optional<String> found = of(mirror);
        if (found.isPresent()) {
            return found;
        }
        Throwable cause = Causes.innermost(failure);
        if (failure.reason() != WorkspaceException.Reason.UNREACHABLE
                && OBJECT_STORE_FAILURES.stream().anyMatch(type -> type.isInstance(cause))) {
            return Optional.of(Causes.innermostMessage(failure));
        }
        return Optional.empty();
    }

    /**
     * The mirror alone, without a failure to read: its packs, HEAD, refs and their objects.
     *
     * @param mirror a cached mirror
     * @return what is damaged; empty when it looks whole or does not exist
     */
    static Optional<String> of(Path mirror) {
        if (!Files.isDirectory(mirror)) {
            return Optional.empty();
        }
        return packs(mirror).or(() -> head(mirror)).or(() -> looseRefs(mirror)).or(() -> objects(mirror));
    }

    /**
     * Each loose ref under {@code refs/}: a full SHA or a symbolic ref ({@code gitrepository-layout(5)}).
     * JGit skips a loose ref it cannot parse when it lists refs, but fails when a fetch updates it.
     */
    private static Optional<String> looseRefs(Path mirror) {
        Path refs = mirror.resolve(Constants.R_REFS);
        if (!Files.isDirectory(refs)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(refs)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".lock"))
                    .sorted()
                    .toList()) {
                String text =
                        Files.readString(file, StandardCharsets.ISO_8859_1).strip();
                if (!HEAD_TEXT.matcher(text).matches()) {
                    String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
                    return Optional.of(mirror.relativize(file).toString().replace('\\', '/')
                            + " is neither a ref nor a commit: '" + shown + "'");
                }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("its refs cannot be read: " + Causes.message(e));
        }
    }

    private static Optional<String> packs(Path mirror) {
        Path folder = mirror.resolve("objects/pack");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> packs = Files.newDirectoryStream(folder, "pack-*.pack")) {
            for (Path pack : packs) {
                String name = pack.getFileName().toString();
                Path index = pack.resolveSibling(name.substring(0, name.length() - ".pack".length()) + ".idx");
                if (!Files.isRegularFile(index)) {
                    continue; // JGit and git ignore a pack without an index (one being written)
                }
                long size = Files.size(pack);
                if (size < SHORTEST_PACK || !Arrays.equals(tail(pack, 0), tail(index, CHECKSUM))) {
                    return Optional.of("objects/pack/" + name + " does not match its index (truncated or overwritten: "
                            + size + " bytes)");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("objects/pack cannot be read: " + Causes.message(e));
        }
    }

    /** The 20 bytes that end {@code skip} bytes before the end of {@code file}. */
    private static byte[] tail(Path file, int skip) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long end = channel.size() - skip;
            ByteBuffer bytes = ByteBuffer.allocate(CHECKSUM);
            if (end < CHECKSUM) {
                return new byte[0];
            }
            channel.position(end - CHECKSUM);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read until full
            }
            return bytes.array();
        }
    }

    private static Optional<String> head(Path mirror) {
        try {
            String text = Files.readString(mirror.resolve(Constants.HEAD), StandardCharsets.UTF_8)
                    .strip();
            if (HEAD_TEXT.matcher(text).matches()) {
                return Optional.empty();
            }
            String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
            return Optional.of("HEAD is neither a ref nor a commit: '" + shown + "'");
        } catch (NoSuchFileException e) {
            return Optional.of("HEAD is missing");
        } catch (IOException | RuntimeException e) {
            return Optional.of("HEAD cannot be read: " + Causes.message(e));
        }
    }

    private static Optional<String> objects(Path mirror) {
        List<Ref> refs;
        try (Repository repository = MirrorStore.open(mirror)) {
            try {
                refs = repository.getRefDatabase().getRefs();
            } catch (IOException | RuntimeException e) {
                return Optional.of("its refs cannot be read: " + Causes.message(e));
            }
            try (ObjectReader reader = repository.newObjectReader();
                    RevWalk walk = new RevWalk(reader)) {
                for (Ref ref : refs) {
                    ObjectId id = ref.getObjectId();
                    if (id == null) {
                        continue; // a symbolic ref to a branch that is not there: the remote's, not damage
                    }
                    try {
                        RevObject object = walk.parseAny(id);
                        if (object instanceof RevCommit commit) {
                            reader.open(commit.getTree());
                        }
                    } catch (IOException | RuntimeException e) {
                        return Optional.of(ref.getName() + ": " + Causes.innermostMessage(e));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("it cannot be opened: " + Causes.message(e));
        }
    }
}
