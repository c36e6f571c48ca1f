package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.report.GateView;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The "Smoke gate" page of the project site: the last gate run's results, read from {@code
 * smoke-summary.json} in the work directory. It shows the summary line, a table of the scenarios
 * (status, category, rule, duration, owners), the timeline of their steps, each failure (evidence,
 * expected against seen, log tail) and each skip with its reason: what {@code index.html} beside the
 * summary shows, rendered into the site's skin. It runs no scenario: run the gate first, e.g. {@code
 * mvn verify site}, or {@code mvn verify smoke:report} for the page alone. Without a summary the page
 * says how to make one.
 *
 * <p>Add it to the POM's {@code <reporting>} section to have it in the site.
 *
 * @since 0.3.0
 */
@Mojo(name = "report", threadSafe = true)
public final class ReportMojo extends AbstractMavenReport {
    /** The page's file name in the site, without {@code .html}. */
    static final String OUTPUT_NAME = "smoke-report";

    /**
     * Where the gate wrote its reports: the page reads {@code smoke-summary.json} there. The same
     * folder as {@code smoke:verify}'s {@code workDirectory}.
     *
     * @since 0.3.0
     */
    @Parameter(defaultValue = "${project.build.directory}/smoke")
    private File workDirectory;

    /**
     * Leaves the page out of the site, saying so in the log.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info("Skipping the smoke report: smoke.skip is true (-Dsmoke.skip).");
        }
        return !skip;
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return GateSinkRenderer.TITLE;
    }

    @Override
    public String getDescription(Locale locale) {
        return "The smoke gate's last run: its scenarios, a timeline of their steps, failures and skips.";
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Path basedir = getProject().getBasedir().toPath().toAbsolutePath().normalize();
        Path summary = workDirectory.toPath().resolve(SmokeEngine.SUMMARY_JSON);
        String shown = display(basedir, summary);
        GateView view;
        try {
            view = GateView.read(summary);
        } catch (NoSuchFileException e) {
            new GateSinkRenderer(getSink()).renderMissing(shown);
            return;
        } catch (IOException e) {
            throw new MavenReportException("Cannot read the smoke summary " + shown + ": " + e.getMessage()
                    + ". Run the gate again (mvn verify) to write it anew.");
        }
        new GateSinkRenderer(getSink()).render(view);
    }

    /** A path relative to the project folder when inside it, as the gate shows paths. */
    private static String display(Path basedir, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(basedir) ? basedir.relativize(absolute).toString() : absolute.toString();
    }
}
