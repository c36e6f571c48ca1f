package dev.smokegate.smoke.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.repository.ArtifactRepositoryPolicy;
import org.apache.maven.artifact.repository.MavenArtifactRepository;
import org.apache.maven.artifact.repository.layout.DefaultRepositoryLayout;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a manifest's {@code ${…}} may name from Maven, read from plain {@link MavenProject} and
 * {@link MavenSession} objects as Maven hands them to the mojo.
 */
class PlaceholderValuesTest {
    @TempDir
    Path tmp;

    private String mavenHome;

    @BeforeEach
    void keepMavenHome() {
        mavenHome = System.getProperty("maven.home");
    }

    @AfterEach
    void restoreMavenHome() {
        if (mavenHome == null) {
            System.clearProperty("maven.home");
        } else {
            System.setProperty("maven.home", mavenHome);
        }
    }

    private MavenProject project(Properties properties) {
        Model model = new Model();
        model.setGroupId("org.example");
        model.setArtifactId("demo");
        model.setVersion("1.2.0");
        model.setProperties(properties);
        Build build = new Build();
        build.setDirectory(tmp.resolve("project/target").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(tmp.resolve("project/pom.xml").toFile());
        return project;
    }

    private MavenSession session(Properties userProperties) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(userProperties);
        ArtifactRepositoryPolicy policy = new ArtifactRepositoryPolicy();
        request.setLocalRepository(new MavenArtifactRepository(
                "local",
                tmp.resolve("m2/repository").toUri().toString(),
                new DefaultRepositoryLayout(),
                policy,
                policy));
        return new MavenSession(null, null, request, new DefaultMavenExecutionResult());
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void of_plainProjectAndSession_projectSettingsAndMavenHomeValues() {
        System.setProperty("maven.home", "/opt/maven");

        Map<String, String> values = PlaceholderValues.of(project(properties()), session(properties()));

        String basedir = tmp.resolve("project").toAbsolutePath().toString();
        assertThat(values)
                .containsEntry("basedir", basedir)
                .containsEntry("project.basedir", basedir)
                .containsEntry(
                        "project.build.directory", tmp.resolve("project/target").toString())
                .containsEntry("project.groupId", "org.example")
                .containsEntry("project.artifactId", "demo")
                .containsEntry("project.version", "1.2.0")
                .containsEntry(
                        "settings.localRepository", tmp.resolve("m2/repository").toString())
                .containsEntry("maven.home", "/opt/maven")
                .hasSize(8);
    }

    @Test
    void of_userPropertyAndProjectPropertyOfOneName_userPropertyWins() {
        Map<String, String> values = PlaceholderValues.of(
                project(properties("greeting", "from the pom", "only.pom", "p")),
                session(properties("greeting", "from -D", "only.cli", "c")));

        assertThat(values)
                .containsEntry("greeting", "from -D")
                .containsEntry("only.pom", "p")
                .containsEntry("only.cli", "c");
    }

    @Test
    void of_noMavenHome_noMavenHomeValue() {
        System.clearProperty("maven.home");

        Map<String, String> values = PlaceholderValues.of(project(properties()), session(properties()));

        assertThat(values).doesNotContainKey("maven.home");
    }
}
