package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProcessTreeTest {

    @BeforeEach
    void needsProc() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "zombie and cookie detection read /proc");
    }

    @Test
    void isRunning_zombie_false() throws Exception {
        // the child ends after sh has exec'd into sleep, which never reaps it: it stays a zombie
        Process parent = new ProcessBuilder("sh", "-c", "sleep 1 & echo $!; exec sleep 30").start();
        try {
            ProcessHandle zombie = ProcessHandle.of(firstLine(parent)).orElseThrow();
            awaitState(zombie.pid(), 'Z');

            assertThat(zombie.isAlive()).isTrue();
            assertThat(ProcessTree.isRunning(zombie)).isFalse();
            assertThat(ProcessTree.isRunning(parent.toHandle())).isTrue();
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void members_reparentedProcessWithCookie_found() throws Exception {
        String cookie = ProcessTree.newCookie();
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!");
        builder.environment().put(ProcessTree.COOKIE_VARIABLE, ProcessTree.cookieValue("outer-run", cookie));
        Process shell = builder.start();
        ProcessHandle orphan = ProcessHandle.of(firstLine(shell)).orElseThrow();
        try {
            shell.waitFor();
            ProcessTree tree = new ProcessTree(shell.toHandle(), cookie);

            assertThat(shell.toHandle().descendants()).doesNotContain(orphan);
            assertThat(tree.members()).containsExactly(orphan);
            assertThat(tree.kill(Duration.ofSeconds(2))).isTrue();
            assertThat(ProcessTree.isRunning(orphan)).isFalse();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void members_otherCookie_notFound() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!");
        builder.environment().put(ProcessTree.COOKIE_VARIABLE, "someone-else");
        Process shell = builder.start();
        ProcessHandle orphan = ProcessHandle.of(firstLine(shell)).orElseThrow();
        try {
            shell.waitFor();

            assertThat(new ProcessTree(shell.toHandle(), ProcessTree.newCookie()).members())
                    .isEmpty();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void cookieValue_inheritedCookie_keptBeforeOurs() {
        assertThat(ProcessTree.cookieValue(null, "b")).isEqualTo("b");
        assertThat(ProcessTree.cookieValue("", "b")).isEqualTo("b");
        assertThat(ProcessTree.cookieValue("a", "b")).isEqualTo("a,b");
    }

    private static long firstLine(Process process) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        return Long.parseLong(reader.readLine().trim());
    }

    private static void awaitState(long pid, char state) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        for (int i = 0; i < 500; i++) {
            String text = Files.readString(stat);
            if (text.charAt(text.lastIndexOf(')') + 2) == state) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("pid " + pid + " never reached state " + state);
    }
}
