package dev.smokegate.smoke.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionsTest {
    @Test
    void firstVersion_outputsOfRealTools_findTheVersion() {
        assertThat(Versions.firstVersion("git version 2.39.5")).hasValue("2.39.5");
        assertThat(Versions.firstVersion("Apache Maven 3.8.7 (b89d5959fcde851dcb1c8946a785a163f14e1e29)"))
                .hasValue("3.8.7");
        assertThat(Versions.firstVersion("openjdk 17.0.15 2025-04-15\nOpenJDK Runtime Environment"))
                .hasValue("17.0.15");
        assertThat(Versions.firstVersion("v18.19.0")).hasValue("18.19.0");
        assertThat(Versions.firstVersion("Docker version 24.0.5, build ced0996"))
                .hasValue("24.0.5");
        assertThat(Versions.firstVersion("git version 2.45.1.windows.1")).hasValue("2.45.1");
    }

    @Test
    void firstVersion_numbersWithoutADot_areNotVersions() {
        assertThat(Versions.firstVersion("sh: 0: Illegal option --")).isEmpty();
        assertThat(Versions.firstVersion("released 2025-04-15, build 12")).isEmpty();
    }

    @Test
    void firstVersion_noNumber_isEmpty() {
        assertThat(Versions.firstVersion("usage: tool [options]")).isEmpty();
    }

    @Test
    void atLeast_comparesNumbersNotText() {
        assertThat(Versions.atLeast("2.10", "2.9")).isTrue();
        assertThat(Versions.atLeast("2.9", "2.10")).isFalse();
        assertThat(Versions.atLeast("2.25.0", "2.25")).isTrue();
        assertThat(Versions.atLeast("2.25", "2.25.1")).isFalse();
        assertThat(Versions.atLeast("3", "2.99.99")).isTrue();
    }

    @Test
    void atLeast_preRelease_isBeforeTheRelease() {
        assertThat(Versions.atLeast("1.0-rc1", "1.0")).isFalse();
        assertThat(Versions.atLeast("1.0", "1.0-rc1")).isTrue();
    }
}
