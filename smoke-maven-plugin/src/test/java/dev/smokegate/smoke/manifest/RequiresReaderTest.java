package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Requirements;
import dev.smokegate.smoke.model.Requirements.CommandRequirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario's {@code requires} table ({@link RequiresReader}), read through {@link ManifestLoader}. */
class RequiresReaderTest extends ManifestTestSupport {
    /** Lines 1 to 4: the format and scenario {@code a}; its {@code requires} keys come next, at line 5. */
    private static final String SCENARIO = "format = 1\n\n[[scenario]]\nname = \"a\"\n";

    private List<String> problemsOf(String requires) throws Exception {
        return problems(SCENARIO + requires + STEP + ECHO);
    }

    private Requirements requirementsOf(String requires) throws Exception {
        return load(SCENARIO + requires + STEP + ECHO).scenarios().get(0).requires();
    }

    @Test
    void load_everyKey_readsTheRequirements() throws Exception {
        Requirements requires = requirementsOf(
                """
                requires.commands = ["git>=2.25", "mvn", "docker"]
                requires.endpoints = ["https://api.example.org/health", "127.0.0.1:5432", "[::1]:8080"]
                requires.env = ["API_TOKEN"]
                requires.java = "[17,)"
                requires.os = ["linux", "mac"]
                requires.free-disk = "2GiB"
                """);

        assertThat(requires)
                .isEqualTo(new Requirements(
                        List.of(
                                new CommandRequirement("git", "2.25"),
                                new CommandRequirement("mvn", null),
                                new CommandRequirement("docker", null)),
                        List.of("https://api.example.org/health", "127.0.0.1:5432", "[::1]:8080"),
                        List.of("API_TOKEN"),
                        "[17,)",
                        List.of("linux", "mac"),
                        2L * 1024 * 1024 * 1024,
                        new Location("m.toml", 5, 1)));
    }

    @Test
    void load_noRequires_requiresNothing() throws Exception {
        assertThat(requirementsOf("")).isSameAs(Requirements.NONE);
    }

    @Test
    void load_sizes_countInTheirUnits() throws Exception {
        assertThat(requirementsOf("requires.free-disk = \"500MB\"\n").freeDiskBytes())
                .isEqualTo(500_000_000L);
        assertThat(requirementsOf("requires.free-disk = \"1KiB\"\n").freeDiskBytes())
                .isEqualTo(1024L);
        assertThat(requirementsOf("requires.free-disk = \"7B\"\n").freeDiskBytes())
                .isEqualTo(7L);
    }

    @Test
    void load_typoInRequiresKey_suggestsTheKey() throws Exception {
        assertThat(problemsOf("requires.comands = [\"git\"]\n"))
                .containsExactly("m.toml:5:1: unknown key 'comands' in [[scenario]] 'a' requires. Did you mean"
                        + " 'commands'?");
    }

    @Test
    void load_unknownRequiresKey_listsTheKeys() throws Exception {
        assertThat(problemsOf("requires.gpu = true\n"))
                .containsExactly("m.toml:5:1: unknown key 'gpu' in [[scenario]] 'a' requires. Allowed keys: commands,"
                        + " endpoints, env, free-disk, java, os.");
    }

    @Test
    void load_wrongTypes_sayWhatWasExpectedAndFound() throws Exception {
        assertThat(
                        problemsOf(
                                """
                        requires.commands = "git"
                        requires.endpoints = [8080]
                        requires.java = 17
                        requires.os = "linux"
                        requires.free-disk = 2048
                        """))
                .containsExactly(
                        "m.toml:5:1: 'commands' in [[scenario]] 'a' requires must be an array of strings, e.g."
                                + " [\"text\"]; found string \"git\".",
                        "m.toml:6:1: 'endpoints' in [[scenario]] 'a' requires must be an array of strings, e.g."
                                + " [\"text\"]; found an array of integers.",
                        "m.toml:7:1: 'java' in [[scenario]] 'a' requires must be a string; found integer 17.",
                        "m.toml:8:1: 'os' in [[scenario]] 'a' requires must be an array of strings, e.g. [\"text\"];"
                                + " found string \"linux\".",
                        "m.toml:9:1: bad size for requires.free-disk in [[scenario]] 'a': integer 2048. Write a whole"
                                + " number and a unit, e.g. \"500MiB\" or \"2GiB\" (KiB, MiB, GiB, TiB: powers of 1024;"
                                + " KB, MB, GB, TB: powers of 1000; B: bytes).");
    }

    @Test
    void load_requiresNotATable_isRejected() throws Exception {
        assertThat(problemsOf("requires = [\"git\"]\n"))
                .containsExactly(
                        "m.toml:5:1: 'requires' in [[scenario]] 'a' must be a table; found an array of strings.");
    }

    @Test
    void load_badCommandSpecs_showTheForm() throws Exception {
        assertThat(problemsOf("requires.commands = [\"git>2.25\", \"mvn\", \"/usr/bin/git\", \"git>=\"]\n"))
                .containsExactly(
                        "m.toml:5:22: bad command \"git>2.25\" in requires.commands of [[scenario]] 'a'. Write a"
                                + " command name looked up on the PATH, optionally with a version floor, e.g. \"mvn\""
                                + " or \"git>=2.25\".",
                        "m.toml:5:41: bad command \"/usr/bin/git\" in requires.commands of [[scenario]] 'a'. Write a"
                                + " command name looked up on the PATH, optionally with a version floor, e.g. \"mvn\""
                                + " or \"git>=2.25\".",
                        "m.toml:5:57: bad command \"git>=\" in requires.commands of [[scenario]] 'a'. Write a"
                                + " command name looked up on the PATH, optionally with a version floor, e.g. \"mvn\""
                                + " or \"git>=2.25\".");
    }

    @Test
    void load_badEndpoints_showBothForms() throws Exception {
        String advice = ": neither an http:// or https:// URL with a host nor host:port with a port from 1 to 65535."
                + " Write it like \"https://api.example.org/health\" or \"127.0.0.1:5432\".";
        assertThat(problemsOf("requires.endpoints = [\"ftp://repo.example.org/\", \"db.internal\", \"127.0.0.1:70000\","
                        + " \"https:///health\", \"http://a b/\"]\n"))
                .containsExactly(
                        "m.toml:5:23: bad endpoint \"ftp://repo.example.org/\" in requires.endpoints of [[scenario]]"
                                + " 'a'" + advice,
                        "m.toml:5:50: bad endpoint \"db.internal\" in requires.endpoints of [[scenario]] 'a'" + advice,
                        "m.toml:5:65: bad endpoint \"127.0.0.1:70000\" in requires.endpoints of [[scenario]] 'a'"
                                + advice,
                        "m.toml:5:84: bad endpoint \"https:///health\" in requires.endpoints of [[scenario]] 'a'"
                                + advice,
                        "m.toml:5:103: bad endpoint \"http://a b/\" in requires.endpoints of [[scenario]] 'a'"
                                + advice);
    }

    @Test
    void load_badEnvName_explainsTheRule() throws Exception {
        assertThat(problemsOf("requires.env = [\"API-TOKEN\"]\n"))
                .containsExactly("m.toml:5:17: bad environment variable name \"API-TOKEN\" in requires.env of"
                        + " [[scenario]] 'a'. Use letters, digits and '_', not starting with a digit, e.g."
                        + " \"API_TOKEN\".");
    }

    @Test
    void load_badJavaRange_showsARange() throws Exception {
        assertThat(problemsOf("requires.java = \"[17,\"\n"))
                .containsExactly("m.toml:5:1: bad version range \"[17,\" in requires.java of [[scenario]] 'a':"
                        + " Unbounded version range [17,. Write a Maven version range, e.g. \"[17,)\" for 17 or"
                        + " later, or \"[17,22)\".");
    }

    @Test
    void load_bareJavaVersion_isNotARange() throws Exception {
        assertThat(problemsOf("requires.java = \"17\"\n"))
                .containsExactly("m.toml:5:1: requires.java in [[scenario]] 'a' is the bare version \"17\", which"
                        + " means exactly that version. Write a Maven version range, e.g. \"[17,)\" for 17 or later,"
                        + " or \"[17,22)\".");
    }

    @Test
    void load_unknownOsFamily_suggestsOrLists() throws Exception {
        assertThat(problemsOf("requires.os = [\"macs\", \"beos\"]\n"))
                .containsExactly(
                        "m.toml:5:16: unknown OS family \"macs\" in requires.os of [[scenario]] 'a'. Did you mean"
                                + " 'mac'?",
                        "m.toml:5:24: unknown OS family \"beos\" in requires.os of [[scenario]] 'a'. Use one of aix,"
                                + " freebsd, linux, mac, netbsd, openbsd, solaris, unix, windows.");
    }

    @Test
    void load_badSizes_showTheUnits() throws Exception {
        String advice = ". Write a whole number and a unit, e.g. \"500MiB\" or \"2GiB\" (KiB, MiB, GiB, TiB: powers of"
                + " 1024; KB, MB, GB, TB: powers of 1000; B: bytes).";
        assertThat(problemsOf("requires.free-disk = \"2 GiB\"\n"))
                .containsExactly(
                        "m.toml:5:1: bad size for requires.free-disk in [[scenario]] 'a': string \"2 GiB\"" + advice);
        assertThat(problemsOf("requires.free-disk = \"99999999999TiB\"\n"))
                .containsExactly("m.toml:5:1: bad size for requires.free-disk in [[scenario]] 'a': string"
                        + " \"99999999999TiB\"" + advice);
    }

    @Test
    void load_severalProblemsInRequires_areAllReported() throws Exception {
        assertThat(problemsOf("requires.env = [\"1X\"]\nrequires.os = [\"plan9\"]\n"))
                .containsExactly(
                        "m.toml:5:17: bad environment variable name \"1X\" in requires.env of [[scenario]] 'a'. Use"
                                + " letters, digits and '_', not starting with a digit, e.g. \"API_TOKEN\".",
                        "m.toml:6:16: unknown OS family \"plan9\" in requires.os of [[scenario]] 'a'. Use one of aix,"
                                + " freebsd, linux, mac, netbsd, openbsd, solaris, unix, windows.");
    }
}
