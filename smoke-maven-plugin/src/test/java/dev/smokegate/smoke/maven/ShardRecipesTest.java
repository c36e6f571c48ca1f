package dev.smokegate.smoke.maven;

import static dev.smokegate.smoke.maven.RecipeYaml.RECIPES;
import static dev.smokegate.smoke.maven.RecipeYaml.lines;
import static dev.smokegate.smoke.maven.RecipeYaml.list;
import static dev.smokegate.smoke.maven.RecipeYaml.map;
import static dev.smokegate.smoke.maven.RecipeYaml.smokeProperties;
import static dev.smokegate.smoke.maven.RecipeYaml.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.engine.SmokeEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sharded CI recipes of the site ({@code src/site/resources/recipes/*-shards*}, shown on {@code
 * ci.html}) against the plugin as built: N jobs each run {@code mvn -B verify -Dsmoke.shard=${K}/${N}}
 * and keep their reports apart, and a final job runs {@code smoke:merge} over all N. The YAML files
 * are parsed with SnakeYAML, the Jenkinsfile read as text; property names come from the plugin
 * descriptor and file names from the engine.
 */
class ShardRecipesTest {
    private static final int N = 3;
    private static final String SHARD_RUN = "mvn -B verify -Dsmoke.shard=${K}/${N}";

    private static PluginDescriptorFile descriptor;
    private static String workDirectory;
    private static String mergeRun;

    @BeforeAll
    static void descriptor() throws Exception {
        descriptor = PluginDescriptorFile.read();
        workDirectory = descriptor
                .parameter("merge", "workDirectory")
                .orElseThrow()
                .defaultValue()
                .replace("${project.build.directory}", "target");
        assertThat(descriptor.parameter("verify", "shard").orElseThrow().property())
                .isEqualTo("smoke.shard");
        mergeRun = "mvn -B smoke:merge -D"
                + descriptor.parameter("merge", "inputs").orElseThrow().property() + "=";
    }

    /** {@code <prefix>1,<prefix>2,…,<prefix>N<suffix>}: one folder per shard. */
    private static String inputs(String prefix, String suffix) {
        return IntStream.rangeClosed(1, N).mapToObj(k -> prefix + k + suffix).collect(Collectors.joining(","));
    }

    /** The step of {@code job} that uses {@code action} (without its version). */
    private static Map<String, Object> uses(Map<String, Object> job, String action) {
        return list(job.get("steps")).stream()
                .map(RecipeYaml::map)
                .filter(step -> step.get("uses") != null
                        && ((String) step.get("uses")).replaceFirst("@.*", "").equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private static List<String> runs(Map<String, Object> job) {
        List<String> runs = new ArrayList<>();
        list(job.get("steps")).forEach(step -> {
            Object run = map(step).get("run");
            if (run != null) {
                runs.add((String) run);
            }
        });
        return runs;
    }

    @Test
    void githubActions_matrixOfNJobs_eachRunsItsShardAndUploadsItsReportsUnderItsOwnName() throws IOException {
        Map<String, Object> shard =
                map(map(yaml("github-actions-shards.yml").get("jobs")).get("shard"));

        assertThat(list(map(map(shard.get("strategy")).get("matrix")).get("shard")))
                .containsExactly(1, 2, 3);
        assertThat(map(map(shard.get("strategy"))).get("fail-fast")).isEqualTo(false);
        assertThat(map(shard.get("env")))
                .containsEntry("K", "${{ matrix.shard }}")
                .containsEntry("N", N);
        assertThat(runs(shard)).containsExactly(SHARD_RUN);
        Map<String, Object> upload = map(uses(shard, "actions/upload-artifact").get("with"));
        assertThat(upload.get("name")).isEqualTo("smoke-shard-${{ matrix.shard }}");
        assertThat(lines(upload.get("path")))
                .startsWith(
                        workDirectory + "/" + SmokeEngine.SUMMARY_JSON, workDirectory + "/" + SmokeEngine.JUNIT_REPORT);
    }

    @Test
    void githubActions_mergeJob_alwaysRunsAfterTheShardsOverEachShardsFolder() throws IOException {
        Map<String, Object> workflow = yaml("github-actions-shards.yml");
        Map<String, Object> merge = map(map(workflow.get("jobs")).get("merge"));

        assertThat(merge.get("needs")).isEqualTo("shard");
        assertThat(merge.get("if")).isEqualTo("always()");
        Map<String, Object> download =
                map(uses(merge, "actions/download-artifact").get("with"));
        assertThat(download).containsEntry("pattern", "smoke-shard-*").containsEntry("path", "shards");
        assertThat(runs(merge)).containsExactly(mergeRun + inputs("shards/smoke-shard-", ""));
        assertThat(map(uses(merge, "mikepenz/action-junit-report").get("with")).get("report_paths"))
                .isEqualTo(workDirectory + "/" + SmokeEngine.JUNIT_REPORT);
        assertThat(smokeProperties(String.join("\n", runs(merge))
                        + runs(map(map(workflow.get("jobs")).get("shard")))))
                .containsExactlyInAnyOrder("smoke.shard", "smoke.merge.inputs")
                .isSubsetOf(descriptor.properties());
    }

    @Test
    void gitlab_parallelJobs_eachRunsItsShardAndKeepsItsWorkFolderApart() throws IOException {
        Map<String, Object> shard = map(yaml("gitlab-ci-shards.yml").get("smoke-shard"));

        assertThat(shard.get("parallel")).isEqualTo(N);
        assertThat(map(shard.get("variables")))
                .containsEntry("K", "$CI_NODE_INDEX")
                .containsEntry("N", "$CI_NODE_TOTAL");
        assertThat(list(shard.get("script"))).containsExactly(SHARD_RUN.replace("verify ", "verify $SMOKE_OPTS "));
        assertThat(list(shard.get("after_script")))
                .containsExactly("mkdir -p shards && cp -r " + workDirectory + " shards/shard-$CI_NODE_INDEX");
        Map<String, Object> artifacts = map(shard.get("artifacts"));
        assertThat(artifacts.get("when")).isEqualTo("always");
        assertThat(list(artifacts.get("paths"))).containsExactly("shards/");
    }

    @Test
    void gitlab_mergeJob_alwaysRunsAfterTheShardsOverEachShardsFolder() throws IOException {
        Map<String, Object> pipeline = yaml("gitlab-ci-shards.yml");
        Map<String, Object> merge = map(pipeline.get("smoke-merge"));

        assertThat(list(pipeline.get("stages"))).containsExactly("gate", "merge");
        assertThat(merge.get("when")).isEqualTo("always");
        assertThat(list(merge.get("needs"))).containsExactly("smoke-shard");
        assertThat(list(merge.get("script"))).containsExactly(mergeRun + inputs("shards/shard-", ""));
        assertThat(map(map(merge.get("artifacts")).get("reports")).get("junit"))
                .isEqualTo(workDirectory + "/" + SmokeEngine.JUNIT_REPORT);
        String scripts = list(merge.get("script")) + " "
                + list(map(pipeline.get("smoke-shard")).get("script"));
        assertThat(smokeProperties(scripts)).isSubsetOf(descriptor.properties());
    }

    @Test
    void jenkinsfile_parallelStages_eachRunsItsShardAndTheMergeUnstashesEach() throws IOException {
        String jenkinsfile = Files.readString(RECIPES.resolve("Jenkinsfile-shards"), StandardCharsets.UTF_8);

        assertThat(jenkinsfile)
                .contains("N = '" + N + "'")
                .contains("values "
                        + IntStream.rangeClosed(1, N)
                                .mapToObj(k -> "'" + k + "'")
                                .collect(Collectors.joining(", ")))
                .contains("sh '" + SHARD_RUN + "'")
                .contains("stash name: \"smoke-shard-${K}\", includes: '" + workDirectory + "/**'")
                .contains("sh '" + mergeRun + inputs("shards/shard-", "/" + workDirectory) + "'")
                .contains("junit testResults: '" + workDirectory + "/" + SmokeEngine.JUNIT_REPORT + "'");
        for (int k = 1; k <= N; k++) {
            assertThat(jenkinsfile).contains("dir('shards/shard-" + k + "') { unstash 'smoke-shard-" + k + "' }");
        }
        assertThat(smokeProperties(jenkinsfile)).isSubsetOf(descriptor.properties());
    }
}
