package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.init.InitException;
import dev.smokegate.smoke.init.InitRequest;
import dev.smokegate.smoke.init.ManifestInit;
import dev.smokegate.smoke.manifest.ManifestException;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Drafts a first manifest for this project: runs its build once ({@code mvn -B install -DskipTests},
 * then {@code mvn -B test}) on a copy of its checkout, and writes {@code src/smoke/manifest.toml} with
 * one scenario over the checkout whose steps check the {@code Tests run: …} lines and {@code BUILD
 * SUCCESS} the build printed, a commented {@code --repo-url} scenario, and how to add patch, rerun and
 * export steps. The manifest passes {@code smoke:verify} as written. An existing manifest is never
 * overwritten.
 *
 * @since 0.3.0
 */
@Mojo(name = "init", threadSafe = true)
public final class InitMojo extends AbstractMojo {
    /** The build step of the drafted scenario. */
    static final String INSTALL = "mvn -B install -DskipTests";
    /** The test step of the drafted scenario. */
    static final String TEST = "mvn -B test";

    /**
     * The manifest to write (TOML, format 1). If the file exists, the goal fails and leaves it as it is.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.manifest", defaultValue = "${project.basedir}/src/smoke/manifest.toml")
    private File manifest;

    /**
     * Where the sample run of the build keeps its workspace and step logs, in a folder {@code init}.
     *
     * @since 0.3.0
     */
    @Parameter(defaultValue = "${project.build.directory}/smoke")
    private File workDirectory;

    /**
     * Skips the goal, saying so in the log.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping smoke:init: smoke.skip is true (-Dsmoke.skip).");
            return;
        }
        Path work = workDirectory.toPath().resolve("init");
        GateRequest sample = GateRequest.builder(ManifestInit.draftFile(work), MavenFrontEnd.INSTANCE)
                .basedir(project.getBasedir().toPath())
                .workDirectory(work)
                .offline(session.isOffline())
                .properties(PlaceholderValues.of(project, session))
                .environment(System.getenv())
                .build();
        InitRequest request =
                new InitRequest(manifest.toPath(), project.getArtifactId(), INSTALL, TEST, "mvn smoke:verify", sample);
        try {
            new ManifestInit(new MavenSmokeLog(getLog())).run(request);
        } catch (InitException | ManifestException | GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
