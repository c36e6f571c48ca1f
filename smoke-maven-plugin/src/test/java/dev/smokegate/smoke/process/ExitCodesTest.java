package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void meaning_127_commandNotFound() {
        assertThat(ExitCodes.meaning(127)).contains("command not found");
    }

    @Test
    void meaning_126_notExecutable() {
        assertThat(ExitCodes.meaning(126)).contains("found but not executable");
    }

    @Test
    void meaning_128PlusSignal_namesTheSignal() {
        assertThat(ExitCodes.meaning(137)).contains("128+9: killed by SIGKILL");
        assertThat(ExitCodes.meaning(143)).contains("128+15: killed by SIGTERM");
        assertThat(ExitCodes.meaning(138)).contains("128+10: killed by signal 10");
    }

    @Test
    void meaning_ordinaryCodes_none() {
        assertThat(ExitCodes.meaning(0)).isEmpty();
        assertThat(ExitCodes.meaning(1)).isEmpty();
        assertThat(ExitCodes.meaning(128)).isEmpty();
        assertThat(ExitCodes.meaning(255)).isEmpty();
    }

    @Test
    void meaning_minusOne_noExitCode() {
        assertThat(ExitCodes.meaning(-1)).contains("no exit code was read");
    }
}
