package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How a leftover process is named when its command line is read. */
class LeftoversTest {

    @Test
    void commandLine_processMidExec_readAgainUntilItsArgumentsShow() {
        Deque<ProcessHandle.Info> reads =
                new ArrayDeque<>(List.of(info("/usr/bin/sleep", null), info("/usr/bin/sleep", "/usr/bin/sleep 4711")));
        AtomicInteger pauses = new AtomicInteger();

        String line = Leftovers.commandLine(reads::pop, () -> true, pauses::incrementAndGet);

        assertThat(line).isEqualTo("/usr/bin/sleep 4711");
        assertThat(pauses).hasValue(1);
    }

    @Test
    void commandLine_neverShowsArguments_executableAfterTheLastRead() {
        AtomicInteger infos = new AtomicInteger();

        String line = Leftovers.commandLine(counted(infos, info("/usr/bin/sleep", null)), () -> true, () -> {});

        assertThat(line).isEqualTo("/usr/bin/sleep");
        assertThat(infos).hasValue(Leftovers.COMMAND_READS);
    }

    @Test
    void commandLine_processEnded_notReadAgain() {
        AtomicInteger infos = new AtomicInteger();

        String line = Leftovers.commandLine(counted(infos, info(null, null)), () -> false, () -> {});

        assertThat(line).isEqualTo("?");
        assertThat(infos).hasValue(1);
    }

    @Test
    void commandLine_longLine_cutWithAnEllipsis() {
        String line = Leftovers.commandLine(() -> info("/bin/x", "/bin/x " + "a".repeat(200)), () -> true, () -> {});

        assertThat(line)
                .hasSize(Leftovers.COMMAND_CHARS + 3)
                .startsWith("/bin/x aaa")
                .endsWith("a...");
    }

    /** Hands out {@code info} on every read and counts the reads. */
    private static Supplier<ProcessHandle.Info> counted(AtomicInteger reads, ProcessHandle.Info info) {
        return () -> {
            reads.incrementAndGet();
            return info;
        };
    }

    private static ProcessHandle.Info info(String command, String commandLine) {
        return new ProcessHandle.Info() {
            @Override
            public Optional<String> command() {
                return Optional.ofNullable(command);
            }

            @Override
            public Optional<String> commandLine() {
                return Optional.ofNullable(commandLine);
            }

            @Override
            public Optional<String[]> arguments() {
                return Optional.empty();
            }

            @Override
            public Optional<Instant> startInstant() {
                return Optional.empty();
            }

            @Override
            public Optional<Duration> totalCpuDuration() {
                return Optional.empty();
            }

            @Override
            public Optional<String> user() {
                return Optional.empty();
            }
        };
    }
}
