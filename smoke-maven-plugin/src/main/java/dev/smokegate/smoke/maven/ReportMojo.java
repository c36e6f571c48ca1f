package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.report.GateView;
import dev.smokegate.smoke.report.ReportFiles;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The "Smoke gate" page of the project site: the last gate run's results, read from {@code
 * smoke-summary.json} in the work directory. It shows the summary line, a table of the scenarios
 * (status, category, rule, duration, owners), the timeline of their steps, each failure (evidence,
 * expected against seen, log tail) and each skip with its reason: what {@code index.html} beside the
 * summary shows. It runs no scenario: run the gate first, e.g. {@code mvn verify site}, or {@code mvn
 * verify smoke:report} for the page alone. Without a summary the page says how to make one.
 *
 * <p>Add it to the POM's {@code <reporting>} section to have it in the site: maven-site-plugin calls
 * {@link #generate(Sink, Locale)} with a sink of its own and renders the page into the site's skin.
 * Run alone, the goal writes {@code smoke-report.html} into {@link #outputDirectory} through Doxia's
 * XHTML5 sink: the same content as a plain page, without a skin, so it needs no skin artifact and
 * works offline.
 *
 * <p>It implements {@link MavenReport} (maven-reporting-api) itself instead of extending
 * maven-reporting-impl's {@code AbstractMavenReport}: that class's site renderer made Maven collect
 * 145 dependency nodes for every goal of this plugin, {@code smoke:verify} included, instead of 48,
 * about 0.9 s of each {@code mvn} run (benchmarks.md, i).
 *
 * @since 0.3.0
 */
@Mojo(name = "report", threadSafe = true)
public final class ReportMojo extends AbstractMojo implements MavenReport {
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
     * Where the goal run alone ({@code mvn smoke:report}) writes {@code smoke-report.html}. Under
     * {@code mvn site} the site plugin chooses the folder ({@code target/site}) and this one is not
     * used.
     *
     * @since 0.3.0
     */
    @Parameter(defaultValue = "${project.build.directory}/reports")
    private File outputDirectory;

    /**
     * The character encoding of the page written by the goal run alone; {@code UTF-8} when not set.
     * Under {@code mvn site} the site plugin's own {@code outputEncoding} applies.
     *
     * @since 0.3.0
     */
    @Parameter(defaultValue = "${project.reporting.outputEncoding}")
    private String outputEncoding;

    /**
     * Leaves the page out of the site, saying so in the log.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The folder the site plugin chose for this report; {@code null} when the goal runs alone. */
    private File reportOutputDirectory;

    /**
     * Writes the page alone, without a site: {@code <outputDirectory>/smoke-report.html}, replaced
     * in one rename so that a failed write leaves the earlier page as it was.
     *
     * @throws MojoExecutionException when the summary cannot be read or the page cannot be written;
     *     the message names the file and the next step
     */
    @Override
    public void execute() throws MojoExecutionException {
        if (!canGenerateReport()) {
            return;
        }
        String encoding = outputEncoding == null || outputEncoding.isBlank() ? "UTF-8" : outputEncoding;
        Path page = outputDirectory.toPath().resolve(OUTPUT_NAME + ".html");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            generate(new Xhtml5SinkFactory().createSink(bytes, encoding), Locale.ROOT);
            ReportFiles.replace(page, bytes::writeTo);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the smoke report page " + display(page) + ": " + e
                    + ". Check that the folder is writable, or set <outputDirectory> of smoke:report to another one.");
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getLog().info("Smoke report page written to " + display(page)
                + " (a plain page; mvn site renders it into the site's skin).");
    }

    /**
     * Renders the page into {@code sink} and closes it: what maven-site-plugin calls for each report.
     *
     * @param sink where the page goes
     * @param locale unused: the page is in English
     * @throws MavenReportException when the summary exists but cannot be read; the message names it
     *     and says to run the gate again
     */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        try {
            render(sink);
        } finally {
            sink.close();
        }
    }

    private void render(Sink sink) throws MavenReportException {
        Path summary = workDirectory.toPath().resolve(SmokeEngine.SUMMARY_JSON);
        String shown = display(summary);
        GateView view;
        try {
            view = GateView.read(summary);
        } catch (NoSuchFileException e) {
            new GateSinkRenderer(sink).renderMissing(shown);
            return;
        } catch (IOException e) {
            throw new MavenReportException("Cannot read the smoke summary " + shown + ": " + e.getMessage()
                    + ". Run the gate again (mvn verify) to write it anew.");
        }
        new GateSinkRenderer(sink).render(view);
    }

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
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
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
    public void setReportOutputDirectory(File folder) {
        this.reportOutputDirectory = folder;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    /** A path relative to the project folder when inside it, as the gate shows paths. */
    private String display(Path path) {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(basedir) ? basedir.relativize(absolute).toString() : absolute.toString();
    }
}
