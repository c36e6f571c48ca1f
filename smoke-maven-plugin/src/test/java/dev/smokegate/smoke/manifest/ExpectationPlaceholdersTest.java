package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.GoldenFile;
import dev.smokegate.smoke.model.StreamExpectation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExpectationPlaceholdersTest {
    private final Function<String, String> resolve = new Placeholders(Map.of("project.version", "1.2.0"), Map.of())
            .bind(Map.of("smoke.workspace", "/ws", "smoke.export", "/out"));

    private static StreamExpectation stream(String text) {
        return new StreamExpectation(List.of(text), List.of(text), List.of(text));
    }

    @Test
    void resolve_everyTextGlobAndPath_replaced() {
        Expectations written = Expectations.builder()
                .exit(3)
                .stdout(stream("v${project.version}"))
                .stderr(stream("err ${smoke.workspace}"))
                .output(stream("out ${smoke.export}"))
                .filesExist(List.of("${smoke.export}/*.jar"))
                .filesAbsent(List.of("${smoke.workspace}/tmp"))
                .filesContain(Map.of("${smoke.export}/changes.diff", List.of("${project.version}")))
                .build();

        Expectations resolved = ExpectationPlaceholders.resolve(written, resolve);

        assertThat(resolved.exit()).isEqualTo(3);
        assertThat(resolved.stdout()).isEqualTo(stream("v1.2.0"));
        assertThat(resolved.stderr()).isEqualTo(stream("err /ws"));
        assertThat(resolved.output()).isEqualTo(stream("out /out"));
        assertThat(resolved.filesExist()).containsExactly("/out/*.jar");
        assertThat(resolved.filesAbsent()).containsExactly("/ws/tmp");
        assertThat(resolved.filesContain()).containsExactly(Map.entry("/out/changes.diff", List.of("1.2.0")));
    }

    @Test
    void resolve_goldenFiles_keptAndTheirWorkspacePathsReplaced() {
        GoldenFile golden = new GoldenFile(Path.of("/p/src/smoke/expected/${x}.txt"), "src/smoke/expected/${x}.txt");
        Expectations written = Expectations.builder()
                .stdout(new StreamExpectation(List.of(), List.of(), List.of(), golden))
                .filesEqual(Map.of("${smoke.export}/report.txt", golden))
                .build();

        Expectations resolved = ExpectationPlaceholders.resolve(written, resolve);

        assertThat(resolved.stdout().equalsFile()).isEqualTo(golden);
        assertThat(resolved.filesEqual()).containsExactly(Map.entry("/out/report.txt", golden));
    }

    @Test
    void resolve_jsonValues_onlyStringsReplacedPointersKept() {
        Map<String, JsonNode> json = new LinkedHashMap<>();
        json.put("/version/${project.version}", TextNode.valueOf("${project.version}"));
        json.put("/count", IntNode.valueOf(2));
        json.put("/ok", BooleanNode.TRUE);
        Expectations written = Expectations.builder()
                .json(json)
                .filesJson(
                        Map.of("${smoke.workspace}/report.json", Map.of("/path", TextNode.valueOf("${smoke.export}"))))
                .build();

        Expectations resolved = ExpectationPlaceholders.resolve(written, resolve);

        assertThat(resolved.json())
                .containsOnly(
                        Map.entry("/version/${project.version}", TextNode.valueOf("1.2.0")),
                        Map.entry("/count", IntNode.valueOf(2)),
                        Map.entry("/ok", BooleanNode.TRUE));
        assertThat(resolved.filesJson())
                .containsExactly(Map.entry("/ws/report.json", Map.of("/path", TextNode.valueOf("/out"))));
    }

    @Test
    void resolve_serviceAndProbeChecks_textsReplacedCodesKept() {
        Function<String, String> withPorts = new Placeholders(Map.of("project.version", "1.2.0"), Map.of())
                .bind(Map.of("smoke.workspace", "/ws"), name -> name.equals("port.http") ? "40123" : null);
        Expectations written = Expectations.builder()
                .exit(143)
                .status(201)
                .headersContain(Map.of("Location", "http://127.0.0.1:${port.http}/v${project.version}"))
                .body(stream("port ${port.http}"))
                .log(stream("Started service on port ${port.http}"))
                .json(Map.of("/port", TextNode.valueOf("${port.http}"), "/n", IntNode.valueOf(1)))
                .noLeftoverProcesses(true)
                .build();

        Expectations resolved = ExpectationPlaceholders.resolve(written, withPorts);

        assertThat(resolved)
                .isEqualTo(Expectations.builder()
                        .exit(143)
                        .status(201)
                        .headersContain(Map.of("Location", "http://127.0.0.1:40123/v1.2.0"))
                        .body(stream("port 40123"))
                        .log(stream("Started service on port 40123"))
                        .json(Map.of("/port", TextNode.valueOf("40123"), "/n", IntNode.valueOf(1)))
                        .noLeftoverProcesses(true)
                        .build());
    }

    @Test
    void resolve_defaults_unchanged() {
        assertThat(ExpectationPlaceholders.resolve(Expectations.DEFAULT, resolve))
                .isEqualTo(Expectations.DEFAULT);
    }

    @Test
    void resolve_unknownName_throwsFromTheResolver() {
        Expectations written = Expectations.builder().stdout(stream("${nope}")).build();

        assertThatThrownBy(() -> ExpectationPlaceholders.resolve(written, resolve))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder ${nope}");
    }
}
