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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CI recipes of the site ({@code src/site/resources/recipes}, shown on {@code ci.html}) against
 * the plugin as built: the YAML files parsed with SnakeYAML, the Jenkinsfile read as text. Paths come
 * from the plugin descriptor's defaults and the engine's file names, properties from the descriptor,
 * so renaming either breaks this test rather than the recipes.
 */
class CiRecipesTest {
    /** The local repository of a CI runner's home, where the smoke-cache default leads beside it. */
    private static final String HOME_REPOSITORY = "~/.m2/repository";
    /** The local repository the GitLab and Jenkins recipes keep in the project folder. */
    private static final String PROJECT_REPOSITORY = ".m2/repository";

    private static PluginDescriptorFile descriptor;
    private static String workDirectory;
    private static String repoUrlOption;
    private static String refOption;
    private static String cacheOption;

    @BeforeAll
    static void descriptor() throws Exception {
        descriptor = PluginDescriptorFile.read();
        workDirectory = descriptor
                .parameter("verify", "workDirectory")
                .orElseThrow()
                .defaultValue()
                .replace("${project.build.directory}", "target");
        repoUrlOption = option("repoUrl");
        refOption = option("ref");
        cacheOption = option("cacheDirectory");
    }

    private static String option(String parameter) {
        return "-D" + descriptor.parameter("verify", parameter).orElseThrow().property() + "=";
    }

    /** Where the smoke-cache default leads for a local repository at {@code repository}. */
    private static String smokeCache(String repository) {
        String relative = descriptor
                .parameter("verify", "cacheDirectory")
                .orElseThrow()
                .defaultValue()
                .replace("${settings.localRepository}/", "");
        return Path.of(repository).resolve(relative).normalize().toString();
    }

    private static List<String> published() {
        return List.of(
                workDirectory + "/" + SmokeEngine.JUNIT_REPORT,
                workDirectory + "/" + SmokeEngine.INDEX_HTML,
                workDirectory + "/**/*.log");
    }

    private static String junitReport() {
        return workDirectory + "/" + SmokeEngine.JUNIT_REPORT;
    }

    @Test
    void githubActions_jobs_runTheGateAndTheRepoUrlStage() throws IOException {
        Map<String, Object> jobs = map(yaml("github-actions.yml").get("jobs"));
        List<String> runs = new ArrayList<>();
        for (Object job : jobs.values()) {
            for (Object step : list(map(job).get("steps"))) {
                Object run = map(step).get("run");
                if (run != null) {
                    runs.add((String) run);
                }
            }
        }

        assertThat(runs).contains("mvn -B verify");
        assertThat(runs)
                .anySatisfy(run -> assertThat(run).startsWith("mvn -B verify ").contains(repoUrlOption, refOption));
        assertThat(smokeProperties(String.join("\n", runs))).isSubsetOf(descriptor.properties());
    }

    @Test
    void githubActions_eachJob_cachesPublishesAndReports() throws IOException {
        Map<String, Object> jobs = map(yaml("github-actions.yml").get("jobs"));

        assertThat(jobs).hasSize(2);
        for (Object job : jobs.values()) {
            Map<String, Map<String, Object>> byAction = new java.util.HashMap<>();
            for (Object step : list(map(job).get("steps"))) {
                Object uses = map(step).get("uses");
                if (uses != null && map(step).get("with") != null) {
                    byAction.put(
                            ((String) uses).replaceFirst("@.*", ""),
                            map(map(step).get("with")));
                }
            }
            assertThat(lines(byAction.get("actions/cache").get("path")))
                    .containsExactly(HOME_REPOSITORY, smokeCache(HOME_REPOSITORY));
            assertThat(lines(byAction.get("actions/upload-artifact").get("path")))
                    .containsExactlyElementsOf(published());
            assertThat(byAction.get("mikepenz/action-junit-report").get("report_paths"))
                    .isEqualTo(junitReport());
        }
    }

    @Test
    void gitlab_jobs_runTheGateAndTheRepoUrlStage() throws IOException {
        Map<String, Object> pipeline = yaml("gitlab-ci.yml");
        List<String> scripts = new ArrayList<>();
        for (String job : List.of("smoke-gate", "smoke-repo-url")) {
            list(map(pipeline.get(job)).get("script")).forEach(line -> scripts.add((String) line));
        }

        assertThat(scripts).allSatisfy(script -> assertThat(script).startsWith("mvn -B verify"));
        assertThat(scripts).anySatisfy(script -> assertThat(script).contains(repoUrlOption, refOption));
        String variables = map(pipeline.get("variables")).values().toString();
        assertThat(smokeProperties(String.join("\n", scripts) + variables)).isSubsetOf(descriptor.properties());
    }

    @Test
    void gitlab_eachJob_publishesTheJUnitReportAndTheLogs() throws IOException {
        Map<String, Object> pipeline = yaml("gitlab-ci.yml");

        for (String job : List.of("smoke-gate", "smoke-repo-url")) {
            Map<String, Object> artifacts = map(map(pipeline.get(job)).get("artifacts"));
            assertThat(artifacts.get("when")).isEqualTo("always");
            assertThat(list(artifacts.get("paths"))).containsExactlyElementsOf(published());
            assertThat(map(artifacts.get("reports")).get("junit")).isEqualTo(junitReport());
        }
    }

    @Test
    void gitlab_cache_holdsTheRepositoryAndTheSmokeCacheTheBuildUses() throws IOException {
        Map<String, Object> pipeline = yaml("gitlab-ci.yml");
        Map<String, Object> variables = map(pipeline.get("variables"));

        assertThat(list(map(pipeline.get("cache")).get("paths")))
                .containsExactly(PROJECT_REPOSITORY, smokeCache(PROJECT_REPOSITORY));
        assertThat(variables.get("MAVEN_OPTS")).isEqualTo("-Dmaven.repo.local=$CI_PROJECT_DIR/" + PROJECT_REPOSITORY);
        assertThat(variables.get("SMOKE_OPTS"))
                .isEqualTo(cacheOption + "$CI_PROJECT_DIR/" + smokeCache(PROJECT_REPOSITORY));
    }

    @Test
    void jenkinsfile_stages_runPublishAndCacheWhatTheBuildWrites() throws IOException {
        String jenkinsfile = Files.readString(RECIPES.resolve("Jenkinsfile"), StandardCharsets.UTF_8);
        String archived = "archiveArtifacts artifacts: '" + String.join(", ", published()) + "'";

        assertThat(jenkinsfile)
                .contains("sh 'mvn -B verify $SMOKE_OPTS'")
                .contains("sh 'mvn -B verify $SMOKE_OPTS " + repoUrlOption + "$GIT_URL " + refOption + "$GIT_COMMIT'")
                .contains("MAVEN_OPTS = \"-Dmaven.repo.local=${env.WORKSPACE}/" + PROJECT_REPOSITORY + "\"")
                .contains("SMOKE_OPTS = \"" + cacheOption + "${env.WORKSPACE}/" + smokeCache(PROJECT_REPOSITORY) + "\"")
                .contains("arbitraryFileCache(path: '" + PROJECT_REPOSITORY + "'")
                .contains("arbitraryFileCache(path: '" + smokeCache(PROJECT_REPOSITORY) + "'");
        assertThat(jenkinsfile.split(Pattern.quote("junit testResults: '" + junitReport() + "'"), -1))
                .as("a junit step in each stage")
                .hasSize(3);
        assertThat(jenkinsfile.split(Pattern.quote(archived), -1))
                .as("an archiveArtifacts step in each stage")
                .hasSize(3);
        assertThat(smokeProperties(jenkinsfile)).isSubsetOf(descriptor.properties());
    }
}
