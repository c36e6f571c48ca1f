package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.smokegate.fixtures.FixtureRepos;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The checkout copy with a real permission denial. Root reads mode-000 files, and the build runs as
 * root, so {@link CheckoutCopierTest} never sees one: here the real {@link CheckoutCopier} runs in a
 * child JVM ({@link CopyAsUserMain}) as the unprivileged user {@code nobody} (uid and gid {@value
 * #NOBODY}), switched to with util-linux {@code setpriv}, against repositories owned by {@code
 * nobody}. When the tests do not run as root, the child runs as the current user, to whom mode 000
 * already denies access.
 *
 * <p>{@code nobody} cannot read root's {@code ~/.m2} nor, in general, the build folder, so the test
 * class path (jars and class folders) is copied once into a world-readable folder under {@code
 * java.io.tmpdir}.
 */
// The timeout only guards against a hang; each child run has its own limit.
@Timeout(300)
class CheckoutCopierUnprivilegedTest {

    private static final int NOBODY = 65534;

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    /** World-traversable scratch folder: the class path copy, the child's output, one folder per case. */
    private static Path scratch;

    private static boolean root;

    private static String classPath;

    @BeforeAll
    static void copyClassPathWhereNobodyCanReadIt() throws IOException {
        scratch = Files.createTempDirectory("smoke-unprivileged-");
        Files.setPosixFilePermissions(scratch, FOLDER);
        // The owner of a folder this JVM just created is its effective uid.
        root = (Integer) Files.getAttribute(scratch, "unix:uid", LinkOption.NOFOLLOW_LINKS) == 0;
        if (root) {
            requireTraversableByOthers(scratch.getParent());
        }
        classPath = copyClassPath(Files.createDirectory(scratch.resolve("classpath")));
    }

    @AfterAll
    static void deleteScratch() throws IOException {
        if (scratch != null) {
            FileUtils.delete(scratch.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        }
    }

    @Test
    void copy_untrackedFileUnreadableToTheUser_skippedAndTheRestCopied() throws Exception {
        Path folder = caseFolder("untracked");
        Path repo = FixtureRepos.greeter(folder.resolve("greeter"));
        Path workspace = folder.resolve("workspace");
        giveToNobody(folder);
        String status = status(repo);
        byte[] index = Files.readAllBytes(repo.resolve(".git/index"));

        Child child = runCopier(folder, repo, workspace);

        Set<String> expected = new TreeSet<>(FixtureRepos.TRACKED);
        expected.addAll(FixtureRepos.UNTRACKED);
        expected.remove(FixtureRepos.UNREADABLE_FILE);
        assertThat(child.exitCode()).as(child.toString()).isZero();
        assertThat(child.lines())
                .as(child.toString())
                .containsExactly(
                        "skipped " + FixtureRepos.UNTRACKED_FIFO + " FIFO",
                        "skipped " + FixtureRepos.UNREADABLE_FILE + " unreadable",
                        "files " + expected.size());
        assertThat(Files.exists(workspace.resolve(FixtureRepos.UNREADABLE_FILE), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(TreeFiles.list(workspace)).containsExactlyElementsOf(expected);
        assertThat(workspace.resolve(FixtureRepos.UNTRACKED_FILE))
                .hasSameTextualContentAs(repo.resolve(FixtureRepos.UNTRACKED_FILE));
        assertThat(Files.getPosixFilePermissions(repo.resolve(FixtureRepos.UNREADABLE_FILE)))
                .isEmpty();
        assertThat(status(repo)).isEqualTo(status);
        assertThat(Files.readAllBytes(repo.resolve(".git/index"))).isEqualTo(index);
    }

    @Test
    void copy_trackedFileUnreadableToTheUser_failsUnreadableTrackedNamingThePath() throws Exception {
        Path folder = caseFolder("tracked");
        Path repo = FixtureRepos.greeter(folder.resolve("greeter"));
        Path workspace = folder.resolve("workspace");
        Files.setPosixFilePermissions(repo.resolve(FixtureRepos.GREETER_SOURCE), Set.of());
        giveToNobody(folder);
        String status = status(repo);
        byte[] index = Files.readAllBytes(repo.resolve(".git/index"));

        Child child = runCopier(folder, repo, workspace);

        String path = FixtureRepos.GREETER_SOURCE;
        assertThat(child.exitCode()).as(child.toString()).isZero();
        assertThat(child.lines())
                .as(child.toString())
                .containsExactly("error UNREADABLE_TRACKED checkout copy [" + repo + "]: tracked path '" + path
                        + "' cannot be read (permission denied). Make it readable (chmod u+r " + path
                        + "), or remove it from the index with 'git rm --cached " + path + "'.");
        assertThat(workspace).isEmptyDirectory();
        assertThat(Files.getPosixFilePermissions(repo.resolve(path))).isEmpty();
        assertThat(status(repo)).isEqualTo(status);
        assertThat(Files.readAllBytes(repo.resolve(".git/index"))).isEqualTo(index);
    }

    /**
     * {@code git status} of a repository owned by nobody, run without optional locks so that git
     * itself does not refresh the index.
     */
    private static String status(Path repo) {
        // git refuses a repository owned by another user unless told it is safe.
        return ok(
                repo,
                "-c",
                "safe.directory=*",
                "--no-optional-locks",
                "status",
                "--porcelain",
                "--ignored",
                "--untracked-files=all");
    }

    /** What the child JVM did. */
    private record Child(List<String> command, int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\nstdout:\n" + stdout + "stderr:\n"
                    + stderr;
        }
    }

    /**
     * Runs {@link CopyAsUserMain} in a child JVM, as {@code nobody} when this JVM is root.
     *
     * @param folder the case folder, owned by the child's user; the child's home and working folder
     */
    private static Child runCopier(Path folder, Path checkout, Path target) throws IOException, InterruptedException {
        Path home = folder.resolve("home");
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of(setpriv(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1",
                "-Duser.home=" + home,
                "-cp",
                classPath,
                CopyAsUserMain.class.getName(),
                checkout.toString(),
                target.toString()));
        Path stdout = scratch.resolve(folder.getFileName() + "-stdout.txt");
        Path stderr = scratch.resolve(folder.getFileName() + "-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        Stream.of(
                        "GIT_DIR",
                        "GIT_WORK_TREE",
                        "GIT_INDEX_FILE",
                        "JAVA_TOOL_OPTIONS",
                        "_JAVA_OPTIONS",
                        "JDK_JAVA_OPTIONS")
                .forEach(env::remove);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        Process process = builder.start();
        if (!process.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("the child JVM did not finish within " + CHILD_TIMEOUT.toSeconds() + " s: "
                    + new Child(command, -1, read(stdout), read(stderr)));
        }
        return new Child(command, process.exitValue(), read(stdout), read(stderr));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** A new world-traversable folder for one case, with the child's home folder in it. */
    private static Path caseFolder(String name) throws IOException {
        Path folder = Files.createDirectory(scratch.resolve(name));
        Files.setPosixFilePermissions(folder, FOLDER);
        Files.createDirectories(folder.resolve("home/.config"));
        return folder;
    }

    /** Makes {@code nobody} own a folder tree (symlinks themselves, never their targets); no-op unless root. */
    private static void giveToNobody(Path folder) throws IOException, InterruptedException {
        if (!root) {
            return;
        }
        Process chown = new ProcessBuilder("chown", "-R", "-h", NOBODY + ":" + NOBODY, folder.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(chown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!chown.waitFor(60, TimeUnit.SECONDS) || chown.exitValue() != 0) {
            chown.destroyForcibly();
            fail("chown -R " + NOBODY + ":" + NOBODY + " " + folder + " failed: " + output.trim());
        }
    }

    private static String setpriv() {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setpriv"))) {
                return Path.of(dir, "setpriv").toString();
            }
        }
        return fail("setpriv not found on PATH nor in /usr/bin, /bin, /usr/sbin, /sbin: the tests run as root,"
                + " and only a user other than root is denied a mode-000 file, so this test runs the copy as"
                + " nobody (uid " + NOBODY + ") with setpriv. Install util-linux (Debian: apt-get install"
                + " util-linux), or run the build as a user other than root.");
    }

    private static void requireTraversableByOthers(Path folder) {
        for (Path dir = folder.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Set<PosixFilePermission> permissions;
            try {
                permissions = Files.getPosixFilePermissions(dir);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the permissions of " + dir, e);
            }
            if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                fail("java.io.tmpdir lies in " + dir + ", which user nobody cannot enter (mode "
                        + PosixFilePermissions.toString(permissions) + "). Run the tests with"
                        + " -Djava.io.tmpdir=/tmp, or chmod o+x " + dir + ".");
            }
        }
    }

    /**
     * Copies every entry of {@code java.class.path} (jars and class folders) into {@code dest}, readable
     * by everyone.
     *
     * @return the class path of the copies
     */
    private static String copyClassPath(Path dest) throws IOException {
        Files.setPosixFilePermissions(dest, FOLDER);
        List<String> copies = new ArrayList<>();
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].isEmpty()) {
                continue;
            }
            Path entry = Path.of(entries[i]).toAbsolutePath();
            Path copy = dest.resolve(i + "-" + entry.getFileName());
            if (Files.isDirectory(entry)) {
                copyTree(entry, copy);
            } else if (Files.isRegularFile(entry)) {
                Files.copy(entry, copy, StandardCopyOption.COPY_ATTRIBUTES);
                Files.setPosixFilePermissions(copy, FILE);
            } else {
                continue; // a missing entry: the JVM ignores it as well
            }
            copies.add(copy.toString());
        }
        return String.join(File.pathSeparator, copies);
    }

    private static void copyTree(Path source, Path dest) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = dest.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, FOLDER);
                } else if (Files.isRegularFile(path)) {
                    Files.copy(path, copy);
                    Files.setPosixFilePermissions(copy, FILE);
                }
            }
        }
    }
}
