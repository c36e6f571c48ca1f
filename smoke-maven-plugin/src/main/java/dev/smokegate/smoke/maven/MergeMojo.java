package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.ShardMerge;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Combines the reports of a gate run in N shards ({@code -Dsmoke.shard=K/N} on N CI jobs) into the
 * reports of the whole gate: {@code mvn smoke:merge -Dsmoke.merge.inputs=shard-1,shard-2,shard-3},
 * each input a copy of one shard's {@code target/smoke}. It writes one {@code smoke-summary.json} and
 * one {@code TEST-smoke.xml} into the work directory, prints the whole gate's summary as {@code
 * smoke:verify} does, and fails the build when a shard failed. Inputs that do not add up (a shard
 * missing or given twice, shards of different N or plans, a scenario in two shards, a folder without
 * reports) fail it before anything is written, each named with what to do. Bound to no phase.
 *
 * @since 0.3.0
 */
@Mojo(name = "merge", threadSafe = true)
public final class MergeMojo extends AbstractMojo {

    /**
     * Comma-separated folders, each a copy of one shard's work directory ({@code target/smoke}, with
     * its {@code smoke-summary.json} and {@code TEST-smoke.xml}); relative ones are resolved against the
     * project folder. Every shard 1..N must be there once.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.merge.inputs", required = true)
    private String inputs;

    /**
     * Where the merged {@code smoke-summary.json} and {@code TEST-smoke.xml} are written; it must not
     * be one of the inputs.
     *
     * @since 0.3.0
     */
    @Parameter(defaultValue = "${project.build.directory}/smoke")
    private File workDirectory;

    /**
     * Skips the merge, saying so in the log.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the smoke merge: smoke.skip is true (-Dsmoke.skip).");
            return;
        }
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path output = workDirectory.toPath();
        Function<Path, String> display = path -> GateRequest.display(basedir, path);
        ShardMerge.Result merged;
        try {
            merged = new ShardMerge(new MavenSmokeLog(getLog()), MavenFrontEnd.INSTANCE)
                    .merge(ShardParameters.inputs(inputs, basedir), output, display);
        } catch (GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!merged.passed()) {
            throw new MojoFailureException(ShardMerge.failureMessage(merged, output, display));
        }
    }
}
