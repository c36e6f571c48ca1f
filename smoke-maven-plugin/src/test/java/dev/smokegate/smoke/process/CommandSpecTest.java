package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandSpecTest {

    private static final Path CWD = Path.of("/tmp");

    @Test
    void shell_line_runsThroughShDashC() {
        CommandSpec spec = CommandSpec.shell("mvn -q verify | tee out.txt", CWD, Map.of("A", "1"));

        assertThat(spec.command()).containsExactly("sh", "-c", "mvn -q verify | tee out.txt");
        assertThat(spec.cwd()).isEqualTo(CWD);
        assertThat(spec.env()).containsExactly(Map.entry("A", "1"));
    }

    @Test
    void display_shell_isTheLineAsWritten() {
        assertThat(CommandSpec.shell("mvn -q verify | tee out.txt", CWD, Map.of())
                        .display())
                .isEqualTo("mvn -q verify | tee out.txt");
    }

    @Test
    void display_args_quotesOnlyWordsThatNeedIt() {
        CommandSpec spec = CommandSpec.args(List.of("mvn", "-Dmsg=it's done", "", "a b", "-q"), CWD, Map.of());

        assertThat(spec.display()).isEqualTo("mvn '-Dmsg=it'\\''s done' '' 'a b' -q");
    }

    @Test
    void constructor_emptyCommand_throws() {
        assertThatThrownBy(() -> CommandSpec.args(List.of(), CWD, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command must not be empty");
    }
}
