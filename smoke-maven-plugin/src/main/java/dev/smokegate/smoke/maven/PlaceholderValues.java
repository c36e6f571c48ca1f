package dev.smokegate.smoke.maven;

import java.util.HashMap;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The values a manifest's {@code ${…}} may name from Maven: the project's properties, the
 * session's user properties ({@code -Dname=value}, which win, as in POM interpolation), and the
 * usual {@code project.*}, {@code settings.localRepository} and {@code maven.home}.
 */
final class PlaceholderValues {
    private PlaceholderValues() {}

    static Map<String, String> of(MavenProject project, MavenSession session) {
        Map<String, String> values = new HashMap<>();
        project.getProperties().forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        session.getUserProperties().forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        values.put("basedir", project.getBasedir().getAbsolutePath());
        values.put("project.basedir", project.getBasedir().getAbsolutePath());
        values.put("project.build.directory", project.getBuild().getDirectory());
        values.put("project.groupId", project.getGroupId());
        values.put("project.artifactId", project.getArtifactId());
        values.put("project.version", project.getVersion());
        values.put("settings.localRepository", session.getLocalRepository().getBasedir());
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome != null) {
            values.put("maven.home", mavenHome);
        }
        return values;
    }
}
