package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private final Placeholders placeholders = new Placeholders(
            Map.of(
                    "project.version", "1.2.0",
                    "project.basedir", "/home/dev/greeter",
                    "smoke.scenario", "from-properties",
                    "env.HOME", "from-properties",
                    "odd", "C:\\tmp\\$1"),
            Map.of("HOME", "/root", "PATH", "/usr/bin"));

    private static final Map<String, String> GATE = Map.of(
            "smoke.workspace", "/t/smoke/a/workspace",
            "smoke.export", "/t/smoke/a/export",
            "smoke.scenario", "a",
            "smoke.logs", "/t/smoke/a");

    @Test
    void resolve_projectProperty_replaced() {
        assertThat(placeholders.resolve("v${project.version} in ${project.basedir}/x", Map.of()))
                .isEqualTo("v1.2.0 in /home/dev/greeter/x");
    }

    @Test
    void resolve_gateValueAlsoAProperty_gateWins() {
        assertThat(placeholders.resolve("${smoke.scenario}", GATE)).isEqualTo("a");
        assertThat(placeholders.resolve("${smoke.scenario}", Map.of())).isEqualTo("from-properties");
    }

    @Test
    void resolve_envName_fromEnvironmentNotProperties() {
        assertThat(placeholders.resolve("${env.HOME}:${env.PATH}", Map.of())).isEqualTo("/root:/usr/bin");
    }

    @Test
    void resolve_envNameInGate_gateWins() {
        assertThat(placeholders.resolve("${env.HOME}", Map.of("env.HOME", "/gate-home")))
                .isEqualTo("/gate-home");
    }

    @Test
    void resolve_allGateValues_replaced() {
        assertThat(placeholders.resolve("${smoke.workspace}|${smoke.export}|${smoke.logs}", GATE))
                .isEqualTo("/t/smoke/a/workspace|/t/smoke/a/export|/t/smoke/a");
    }

    @Test
    void resolve_doubleDollarEscape_literalPlaceholderLeft() {
        assertThat(placeholders.resolve("echo $${HOME} and $${project.version} is ${project.version}", Map.of()))
                .isEqualTo("echo ${HOME} and ${project.version} is 1.2.0");
    }

    @Test
    void resolve_shellVariableWithoutBraces_untouched() {
        assertThat(placeholders.resolve("echo $HOME $1 $", Map.of())).isEqualTo("echo $HOME $1 $");
    }

    @Test
    void resolve_valueWithDollarAndBackslash_insertedLiterally() {
        assertThat(placeholders.resolve("[${odd}]", Map.of())).isEqualTo("[C:\\tmp\\$1]");
    }

    @Test
    void resolve_nullOrNoDollar_returnedAsIs() {
        assertThat(placeholders.resolve(null, GATE)).isNull();
        assertThat(placeholders.resolve("plain {text}", GATE)).isEqualTo("plain {text}");
    }

    @Test
    void resolve_unknownName_throwsNamingIt() {
        assertThatThrownBy(() -> placeholders.resolve("a ${project.versoin} b", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder ${project.versoin}");
    }

    @Test
    void resolve_unknownEnvVariable_throws() {
        assertThatThrownBy(() -> placeholders.resolve("${env.NOPE}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder ${env.NOPE}");
    }

    @Test
    void resolve_gateValueOutsideAScenario_throws() {
        assertThatThrownBy(() -> placeholders.resolve("${smoke.workspace}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder ${smoke.workspace}");
    }

    @Test
    void firstUnknown_allKnown_empty() {
        assertThat(placeholders.firstUnknown("${project.version} ${env.HOME} ${smoke.workspace} ${smoke.logs}"))
                .isEmpty();
    }

    @Test
    void firstUnknown_severalUnknown_firstInTextOrder() {
        assertThat(placeholders.firstUnknown("${project.version}/${zeta}/${alpha}"))
                .contains("zeta");
    }

    @Test
    void firstUnknown_unknownEnvVariable_namedWithPrefix() {
        assertThat(placeholders.firstUnknown("${env.NOPE}")).contains("env.NOPE");
    }

    @Test
    void firstUnknown_escapedUnknown_empty() {
        assertThat(placeholders.firstUnknown("$${nope} and $HOME")).isEmpty();
    }

    @Test
    void firstUnknown_emptyName_isUnknown() {
        assertThat(placeholders.firstUnknown("x ${} y")).contains("");
    }

    @Test
    void resolveValues_everyValue_resolved() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("WS", "${smoke.workspace}");
        values.put("LITERAL", "$${HOME}");
        values.put("VERSION", "${project.version}");

        assertThat(placeholders.resolveValues(values, GATE))
                .isEqualTo(Map.of(
                        "WS", "/t/smoke/a/workspace",
                        "LITERAL", "${HOME}",
                        "VERSION", "1.2.0"));
    }

    @Test
    void bind_gate_resolvesWithThatGate() {
        Function<String, String> resolve = placeholders.bind(GATE);

        assertThat(resolve.apply("${smoke.scenario}@${project.version}")).isEqualTo("a@1.2.0");
    }

    @Test
    void bind_dynamic_askedForNamesTheGateLacks() {
        List<String> asked = new ArrayList<>();
        Function<String, String> resolve = placeholders.bind(GATE, name -> {
            asked.add(name);
            return name.equals("port.http") ? "40123" : null;
        });

        assertThat(resolve.apply("${smoke.scenario}:${port.http}/${project.version}/${port.http}"))
                .isEqualTo("a:40123/1.2.0/40123");
        assertThat(asked).containsExactly("port.http", "project.version", "port.http");
    }

    @Test
    void bind_dynamic_winsOverEnvironmentAndProperties() {
        Function<String, String> resolve = placeholders.bind(GATE, name -> name.equals("env.HOME") ? "/dynamic" : null);

        assertThat(resolve.apply("${env.HOME} ${env.PATH}")).isEqualTo("/dynamic /usr/bin");
    }

    @Test
    void bind_dynamicWithoutAnswer_unknownNameThrows() {
        Function<String, String> resolve = placeholders.bind(GATE, name -> null);

        assertThatThrownBy(() -> resolve.apply("${port.http}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder ${port.http}");
    }

    @Test
    void bind_gateOnly_portIsUnknownAtRunTime() {
        assertThatThrownBy(() -> placeholders.bind(GATE).apply("${port.http}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder ${port.http}");
    }

    @Test
    void firstUnknown_wellFormedPortNames_known() {
        assertThat(placeholders.firstUnknown("${port.http} ${port.db-1} ${port.a.b_c} ${port.0}"))
                .isEmpty();
    }

    @Test
    void firstUnknown_malformedPortName_namedWithPrefix() {
        assertThat(placeholders.firstUnknown("${port.http} ${port.HTTP}")).contains("port.HTTP");
        assertThat(placeholders.firstUnknown("${port.}")).contains("port.");
        assertThat(placeholders.firstUnknown("${port._x}")).contains("port._x");
    }

    @Test
    void isPort_prefixAndName_both() {
        assertThat(Placeholders.isPort("port.http")).isTrue();
        assertThat(Placeholders.isPort("port")).isFalse();
        assertThat(Placeholders.isPort("ports.http")).isFalse();
        assertThat(Placeholders.isPort("port.Http")).isFalse();
    }

    @Test
    void gateValues_names_theFourGateValues() {
        assertThat(Placeholders.GATE_VALUES)
                .containsExactlyInAnyOrder("smoke.workspace", "smoke.export", "smoke.scenario", "smoke.logs");
    }
}
