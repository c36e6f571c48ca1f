package dev.smokegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK lookup of the matrix, on a fake {@code /usr/lib/jvm}. */
class JavaHomesTest {
    @TempDir
    Path jvms;

    private Path jdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin")).getParent();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n", StandardCharsets.UTF_8);
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void find_registeredAndUnregistered_prefersTheJinfoOne() throws Exception {
        jdk("a-jdk-25", "25.0.1");
        Path registered = jdk("z-jdk-25", "25.0.3");
        Files.writeString(jvms.resolve(".z-jdk-25.jinfo"), "name=z-jdk-25\n", StandardCharsets.UTF_8);
        jdk("java-17", "17.0.15");

        assertThat(JavaHomes.find(25, jvms))
                .isEqualTo(registered.toAbsolutePath().normalize());
    }

    @Test
    void find_onlyAReleaseFile_findsTheUnregisteredJdk() throws Exception {
        Path temurin = jdk("temurin-25-jdk-amd64", "25.0.3");

        assertThat(JavaHomes.find(25, jvms)).isEqualTo(temurin.toAbsolutePath().normalize());
    }

    @Test
    void find_absent_failsNamingWhatIsInstalled() throws Exception {
        Path java17 = jdk("java-17", "17.0.15");

        assertThatThrownBy(() -> JavaHomes.find(25, jvms))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No JDK 25 [" + jvms + "]: the JDKs there are [" + java17
                        + "]. Install one (Debian: temurin-25-jdk), or leave smoke.it.jdk unset.");
    }
}
