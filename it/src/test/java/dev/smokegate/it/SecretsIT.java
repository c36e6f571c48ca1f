package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets as a user's CI meets them: a real forked {@code mvn -X} on the sample project {@code
 * secrets}, whose clone URL holds a password and whose step prints the {@code secret-env} token
 * {@code API_TOKEN}. Every byte of the build log (debug included), of {@code target/} and of the
 * clone cache is searched for both, and neither is anywhere; their masks are.
 */
class SecretsIT {
    private static final String PASSWORD = "s3cretpw";
    private static final String TOKEN = "tok-Zq9x7Lm2Pw";

    @Test
    void verify_passwordInUrlAndPrintedToken_maskedInTheLogTargetAndCache() throws Exception {
        Path checkout = FixtureRepos.greeter(ForkedMaven.scratch("secrets").resolve("greeter"));
        Path project = ForkedMaven.project("secrets", "secrets");
        Path cache = project.resolve("smoke-cache");

        ForkedMaven.Result result = ForkedMaven.mvn(
                project,
                Map.of("API_TOKEN", TOKEN),
                "-X",
                "verify",
                "-Dfixture.checkout=" + checkout,
                "-Dsmoke.cacheDirectory=" + cache);

        assertExit(result, 1);
        String log = Files.readString(result.log(), StandardCharsets.UTF_8);
        assertThat(log).doesNotContain(PASSWORD).doesNotContain(TOKEN);
        assertThat(log)
                .contains("[DEBUG]")
                .contains("http://user:***@127.0.0.1:1/x.git")
                .contains("token=***");
        assertThat(filesContaining(project.resolve("target"), PASSWORD)).isEmpty();
        assertThat(filesContaining(project.resolve("target"), TOKEN)).isEmpty();
        assertThat(filesContaining(cache, PASSWORD)).isEmpty();
        assertThat(filesContaining(cache, TOKEN)).isEmpty();
        assertThat(Files.readString(project.resolve("target/smoke/TEST-smoke.xml"), StandardCharsets.UTF_8))
                .contains("http://user:***@127.0.0.1:1/x.git")
                .contains("token=***");
        assertThat(Files.readString(project.resolve("target/smoke/echo-token/01-call.log"), StandardCharsets.UTF_8))
                .contains("token=***\n")
                .contains("Authorization: Bearer ***\n");
    }

    /** Every file or folder under {@code root} whose name or bytes contain {@code secret}. */
    private static List<Path> filesContaining(Path root, String secret) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.exists(root)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().contains(secret)
                        || (Files.isRegularFile(file)
                                && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                                        .contains(secret))) {
                    found.add(file);
                }
            }
        }
        return found;
    }
}
