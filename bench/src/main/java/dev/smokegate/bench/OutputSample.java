package dev.smokegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A cheap check of every measured round's output, not only the warm-up's: the number of files and
 * symlinks outside {@code .git} must equal the commit's tree, and a few files spread over the tree
 * must hash to their blob ids (git's SHA-1 of {@code "blob <size>\0" + content}).
 */
final class OutputSample {

    /** How many files are hashed in each destination. */
    private static final int HASHED = 5;

    private record Entry(String path, String blob) {}

    private final long files;
    private final List<Entry> sampled;

    /**
     * @param repo the repository the destinations come from
     * @param commit the commit they hold
     */
    OutputSample(Path repo, String commit) {
        List<Entry> regular = new ArrayList<>();
        long count = 0;
        // JGit, not `git ls-tree`: Commands keeps only the tail of a command's output.
        try (Repository repository = new FileRepositoryBuilder()
                        .setWorkTree(repo.toFile())
                        .setMustExist(true)
                        .build();
                RevWalk commits = new RevWalk(repository);
                TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(commits.parseCommit(repository.resolve(commit)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                count++;
                FileMode mode = tree.getFileMode(0);
                if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
                    regular.add(
                            new Entry(tree.getPathString(), tree.getObjectId(0).name()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + commit + " in " + repo, e);
        }
        if (regular.isEmpty()) {
            throw new IllegalStateException("no regular file in " + repo + " at " + commit);
        }
        List<Entry> picked = new ArrayList<>();
        for (int i = 0; i < HASHED; i++) {
            picked.add(regular.get((int) ((long) i * (regular.size() - 1) / Math.max(1, HASHED - 1))));
        }
        this.files = count;
        this.sampled = List.copyOf(picked);
    }

    /**
     * @param dest a destination of one round
     * @return {@code null} when it holds the expected number of files and the sampled files hash to
     *     their blobs; otherwise what differs
     */
    String problem(Path dest) {
        long found;
        try (Stream<Path> walk = Files.walk(dest)) {
            found = walk.filter(p -> !dest.relativize(p).startsWith(".git"))
                    .filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .count();
        } catch (IOException e) {
            return "cannot walk " + dest + ": " + e.getMessage();
        }
        if (found != files) {
            return dest + " holds " + found + " files and symlinks, expected " + files;
        }
        for (Entry entry : sampled) {
            Path file = dest.resolve(entry.path());
            String blob;
            try {
                blob = blobId(Files.readAllBytes(file));
            } catch (IOException e) {
                return "cannot read " + file + ": " + e.getMessage();
            }
            if (!blob.equals(entry.blob())) {
                return file + " hashes to blob " + blob + ", expected " + entry.blob();
            }
        }
        return null;
    }

    /** Like {@link #problem}, but a difference ends the benchmark: its timings would mean nothing. */
    void check(Path dest, String what) {
        String problem = problem(dest);
        if (problem != null) {
            throw new IllegalStateException(what + ": " + problem);
        }
    }

    /** @return "N files, 5 sampled hashes" for the log */
    String describe() {
        return files + " files, " + sampled.size() + " sampled hashes";
    }

    private static String blobId(byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("no SHA-1", e));
        }
    }
}
