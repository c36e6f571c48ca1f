package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Manifest;
import org.junit.jupiter.api.Test;

/** {@code secret-env} in {@code [defaults]} and in a scenario: names only, each checked where it is. */
class SecretEnvReaderTest extends ManifestTestSupport {

    @Test
    void load_defaultsAndScenario_namesMergedDefaultsFirstWithoutRepeats() throws Exception {
        Manifest manifest = load(
                """
                format = 1
                [defaults]
                secret-env = ["API_TOKEN", "NPM_TOKEN"]
                [[scenario]]
                name = "a"
                secret-env = ["DB_PASSWORD", "API_TOKEN"]
                """
                        + STEP
                        + ECHO
                        + """
                [[scenario]]
                name = "b"
                """
                        + STEP
                        + ECHO);

        assertThat(manifest.scenarios().get(0).secretEnv()).containsExactly("API_TOKEN", "NPM_TOKEN", "DB_PASSWORD");
        assertThat(manifest.scenarios().get(1).secretEnv()).containsExactly("API_TOKEN", "NPM_TOKEN");
    }

    @Test
    void load_noSecretEnv_empty() throws Exception {
        assertThat(load(HEAD + ECHO).scenarios().get(0).secretEnv()).isEmpty();
    }

    @Test
    void load_valueInsteadOfName_namesItsPositionAndSaysNamesOnly() throws Exception {
        assertThat(problems("format = 1\n\n[[scenario]]\nname = \"a\"\nsecret-env = [\"OK_NAME\", \"tok-1234 5\"]\n"
                        + STEP + ECHO))
                .containsExactly("m.toml:5:26: element 2 of secret-env in [[scenario]] 'a' is not an environment"
                        + " variable name (it is not shown: it may be a secret value). List names only: letters,"
                        + " digits and '_', not starting with a digit, e.g. \"API_TOKEN\".");
    }

    @Test
    void load_notAnArrayInDefaults_wrongType() throws Exception {
        assertThat(problems("format = 1\n[defaults]\nsecret-env = \"API_TOKEN\"\n\n[[scenario]]\nname = \"a\"\n" + STEP
                        + ECHO))
                .containsExactly("m.toml:3:1: 'secret-env' in [defaults] must be an array of strings, e.g."
                        + " [\"text\"]; found string \"API_TOKEN\".");
    }

    @Test
    void load_typoInKey_suggestsSecretEnv() throws Exception {
        assertThat(problems(HEAD.replace("name = \"a\"\n", "name = \"a\"\nsecret_env = [\"X\"]\n") + ECHO))
                .singleElement()
                .asString()
                .contains("unknown key 'secret_env'")
                .contains("Did you mean 'secret-env'?");
    }
}
