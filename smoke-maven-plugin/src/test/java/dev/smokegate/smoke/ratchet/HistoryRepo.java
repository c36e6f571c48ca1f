package dev.smokegate.smoke.ratchet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real git repository made with JGit in a test's folder, for the ratchet's tests: each {@link
 * #commit} writes files and commits them, one minute after the commit before, so the history's
 * order is fixed. Shared with the engine's ratchet tests.
 */
public final class HistoryRepo implements AutoCloseable {
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private final Git git;
    private final Path root;
    private int commits;

    private HistoryRepo(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /**
     * @param root the work tree to create
     * @return a repository with no commit, on branch {@code main}
     */
    public static HistoryRepo init(Path root) throws GitAPIException, IOException {
        Files.createDirectories(root);
        return new HistoryRepo(
                Git.init().setDirectory(root.toFile()).setInitialBranch("main").call(), root);
    }

    /**
     * A manifest with one small scenario per name, each with a step that runs and asserts.
     *
     * @param names the scenario names, in file order
     * @return its TOML text
     */
    public static String manifest(String... names) {
        return "format = 1\n"
                + Arrays.stream(names)
                        .map(name -> "\n[[scenario]]\nname = \"" + name + "\"\n\n  [[scenario.step]]\n  name = \"hi\"\n"
                                + "  run = \"echo hi\"\n  expect.stdout.contains = [\"hi\"]\n")
                        .collect(Collectors.joining());
    }

    public Path root() {
        return root;
    }

    public Git git() {
        return git;
    }

    /** Writes {@code text} to {@code path} (relative to the work tree) without committing it. */
    public Path write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Writes {@code text} to {@code path} and commits everything in the work tree. */
    public RevCommit commit(String path, String text) throws IOException, GitAPIException {
        write(path, text);
        return commitAll("edit " + path);
    }

    /** Commits every change of the work tree, deletions and renames included. */
    public RevCommit commitAll(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent ident = new PersonIdent(
                "Ratchet Test", "ratchet@example.org", START.plusSeconds(60L * commits++), ZoneOffset.UTC);
        return git.commit()
                .setMessage(message)
                .setAuthor(ident)
                .setCommitter(ident)
                .setSign(false)
                .setNoVerify(true)
                .call();
    }

    /** Moves {@code from} to {@code to} in the work tree (not committed). */
    public void move(String from, String to) throws IOException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(root.resolve(from), target);
    }

    public static String shortId(RevCommit commit) {
        return commit.abbreviate(7).name();
    }

    @Override
    public void close() {
        git.close();
    }
}
