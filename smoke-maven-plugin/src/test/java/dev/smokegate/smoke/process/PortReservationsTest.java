package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PortReservationsTest {

    @TempDir
    Path dir;

    @Test
    void port_sameName_samePortAndDifferentNames_differentPorts() {
        try (Ports ports = new PortReservations(dir).forScenario()) {
            int http = ports.port("http");

            assertThat(ports.port("http")).isEqualTo(http);
            assertThat(ports.port("db")).isNotEqualTo(http);
            assertThat(ports.reserved()).containsOnlyKeys("http", "db");
        }
    }

    @Test
    void port_reserved_isFreeForTheServiceToBind() throws IOException {
        try (Ports ports = new PortReservations(dir).forScenario()) {
            int port = ports.port("http");

            try (ServerSocket service = new ServerSocket()) {
                service.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(service.getLocalPort()).isEqualTo(port);
            }
            assertThat(dir.resolve(port + ".lock")).exists();
        }
    }

    @Test
    void port_twoScenariosOfARun_neverTheSamePort() {
        PortReservations run = new PortReservations(dir);
        Set<Integer> seen = new HashSet<>();
        try (Ports first = run.forScenario();
                Ports second = run.forScenario()) {
            for (int i = 0; i < 20; i++) {
                assertThat(seen.add(first.port("p" + i))).isTrue();
                assertThat(seen.add(second.port("p" + i))).isTrue();
            }
        }
    }

    @Test
    void port_offeredAgainInTheSameRun_skippedEvenAfterItsScenarioClosed() {
        PortReservations run = new PortReservations(dir, offering(40001, 40001, 40002));
        try (Ports first = run.forScenario()) {
            assertThat(first.port("http")).isEqualTo(40001);
        }

        try (Ports second = run.forScenario()) {
            assertThat(second.port("http")).isEqualTo(40002);
        }
    }

    @Test
    void port_lockedByAnotherRunInThisJvm_skipped() {
        try (Ports other = new PortReservations(dir, offering(40001)).forScenario()) {
            assertThat(other.port("http")).isEqualTo(40001);

            try (Ports ours = new PortReservations(dir, offering(40001, 40002)).forScenario()) {
                assertThat(ours.port("http")).isEqualTo(40002);
            }
        }
    }

    @Test
    void port_lockedByAnotherProcess_skipped() throws Exception {
        Files.createDirectories(dir);
        Path holder = dir.resolve("Holder.java");
        Files.writeString(
                holder,
                """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        System.in.read();
                    }
                }
                """);
        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        holder.toString(),
                        dir.resolve("40001.lock").toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            try (Ports ours = new PortReservations(dir, offering(40001, 40002)).forScenario()) {
                assertThat(ours.port("http")).isEqualTo(40002);
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void close_releasesTheLocksForOtherRuns() {
        try (Ports first = new PortReservations(dir, offering(40001)).forScenario()) {
            first.port("http");
        }

        try (Ports other = new PortReservations(dir, offering(40001)).forScenario()) {
            assertThat(other.port("http")).isEqualTo(40001);
        }
    }

    @Test
    void port_afterClose_throws() {
        Ports ports = new PortReservations(dir).forScenario();
        ports.close();

        assertThatThrownBy(() -> ports.port("http"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the ports of this scenario are closed; ${port.http} asked");
    }

    @Test
    void port_everyOfferTaken_throwsNamingThePlaceholder() {
        PortReservations run = new PortReservations(dir, offering(40001));
        try (Ports first = run.forScenario();
                Ports second = run.forScenario()) {
            first.port("http");

            assertThatThrownBy(() -> second.port("db"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot reserve a port for ${port.db} [" + dir + "]: 100 ports in a row were already"
                            + " reserved by this or another gate run. Wait for the other runs to end, or give this run"
                            + " a lock folder of its own.");
        }
    }

    @Test
    void port_lockFolderCannotBeCreated_throwsNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path lockDir = file.resolve("smoke-ports");

        try (Ports ports = new PortReservations(lockDir).forScenario()) {
            assertThatThrownBy(() -> ports.port("http"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith(
                            "cannot reserve a port for ${port.http} [" + lockDir + "]: cannot create the lock folder: ")
                    .hasMessageEndingWith(". Make the folder writable.");
        }
    }

    @Test
    void defaultLockDir_isInTheTemporaryFolder() {
        assertThat(PortReservations.defaultLockDir())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "smoke-ports"));
    }

    /** Offers the given ports in turn, then the last one again and again; binds nothing. */
    private static PortReservations.Source offering(Integer... ports) {
        Deque<Integer> left = new ArrayDeque<>(List.of(ports));
        int[] last = {ports[ports.length - 1]};
        return () -> {
            int port = left.isEmpty() ? last[0] : left.poll();
            return new PortReservations.Candidate() {
                @Override
                public int port() {
                    return port;
                }

                @Override
                public void close() {}
            };
        };
    }
}
