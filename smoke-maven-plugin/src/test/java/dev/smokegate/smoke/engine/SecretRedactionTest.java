package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate with a password in a clone URL and a {@code secret-env} token that its step prints: every
 * byte the gate wrote (every file under the work directory, the whole clone cache, every console
 * line, debug included) is searched for both, and neither is anywhere.
 */
@Timeout(120)
class SecretRedactionTest {
    private static final String PASSWORD = "s3cretpw";
    /** The token; {@code <}, {@code &} and {@code "} so that it would also show escaped in XML or JSON. */
    private static final String TOKEN = "tok-Zq9<x&7\"Lm2";
    /** What every form of the token (raw, XML- or JSON-escaped) contains. */
    private static final String TOKEN_CORE = "Zq9";

    private static final String MANIFEST =
            """
            format = 1
            [defaults]
            secret-env = ["API_TOKEN"]

            [[scenario]]
            name = "clone-with-password"
            source.repo-url = "http://user:s3cretpw@127.0.0.1:1/x.git"
              [[scenario.step]]
              name = "build"
              run = "echo built"
              expect.stdout.contains = ["built"]

            [[scenario]]
            name = "echo-token"
            source.checkout = "${fixture.checkout}"
            env = { API_TOKEN = "${env.API_TOKEN}" }
              [[scenario.step]]
              name = "call"
              run = 'echo "token=$API_TOKEN"; echo "Authorization: Bearer $API_TOKEN" >&2; sleep 1'
              expect.stdout.contains = ["token=expected"]
            """;

    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp);
    }

    @Test
    void run_passwordInUrlAndSecretEnvPrinted_noByteTheGateWroteHoldsEither() throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("API_TOKEN", TOKEN);

        GateResult result = fixture.run(
                MANIFEST, request -> request.environment(environment).heartbeat(Duration.ofMillis(200)));

        assertThat(result.scenarios())
                .extracting(scenario -> scenario.status())
                .containsExactly(Status.FAIL, Status.FAIL);
        List<String> console = fixture.log().lines();
        assertThat(console).noneSatisfy(line -> assertThat(line).contains(PASSWORD));
        assertThat(console).noneSatisfy(line -> assertThat(line).contains(TOKEN_CORE));
        assertThat(String.join("\n", console))
                .contains("http://user:***@127.0.0.1:1/x.git")
                .contains("token=***");
        assertThat(filesContaining(fixture.workDirectory(), PASSWORD)).isEmpty();
        assertThat(filesContaining(fixture.workDirectory(), TOKEN_CORE)).isEmpty();
        assertThat(filesContaining(tmp.resolve("cache"), PASSWORD)).isEmpty();
        assertThat(filesContaining(tmp.resolve("cache"), TOKEN_CORE)).isEmpty();

        String junit = Files.readString(fixture.workDirectory().resolve(SmokeEngine.JUNIT_REPORT));
        assertThat(junit).contains("http://user:***@127.0.0.1:1/x.git").contains("token=***");
        String summary = Files.readString(fixture.workDirectory().resolve(SmokeEngine.SUMMARY_JSON));
        assertThat(summary).contains("\"location\" : \"http://user:***@127.0.0.1:1/x.git\"");
        assertThat(Files.readString(fixture.workDirectory().resolve("echo-token/01-call.log")))
                .contains("token=***\n")
                .contains("Authorization: Bearer ***\n");
    }

    @Test
    void run_secretEnvValueWrittenInTheManifest_maskedInTheStepsLog() throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("API_TOKEN", TOKEN);

        fixture.run(
                MANIFEST.replace("${env.API_TOKEN}", "tok-short-lived-42"),
                request -> request.environment(environment));

        assertThat(filesContaining(fixture.workDirectory(), "tok-short-lived-42"))
                .isEmpty();
    }

    /** Every file or folder under {@code root} whose name or bytes contain {@code secret}. */
    static List<Path> filesContaining(Path root, String secret) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.exists(root)) {
            return found;
        }
        String needle = secret;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().contains(needle)
                        || (Files.isRegularFile(file)
                                && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                                        .contains(needle))) {
                    found.add(file);
                }
            }
        }
        return found;
    }
}
