package dev.smokegate.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staged site as a reader finds it: no broken internal link, and the generated goal reference
 * one click from the menu. Not a default test (its name ends in {@code Check}): run it after {@code
 * mvn -B -DskipTests package site site:stage} with {@code -Dtest=StagedSiteCheck}, as {@code .ci/run}
 * does. The site is read from {@code -Dsite.staging}, by default the parent's {@code target/staging}.
 */
class StagedSiteCheck {
    private static Path staging;

    @BeforeAll
    static void staging() {
        staging = Path.of(System.getProperty("site.staging", "../target/staging"));
        assertThat(staging.resolve("index.html"))
                .as("the staged site; build it first with mvn -B -DskipTests package site site:stage")
                .isRegularFile();
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(staging.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void stagedSite_everyInternalLink_resolves() {
        assertThat(SiteLinks.broken(staging)).isEmpty();
    }

    @Test
    void menu_goals_leadsToTheGeneratedReference() throws IOException {
        Element goals = page("index.html").selectFirst("#leftColumn a:containsOwn(Goals)");

        assertThat(goals).as("the menu item Goals").isNotNull();
        assertThat(goals.attr("href")).isEqualTo("smoke-maven-plugin/plugin-info.html");
    }

    @Test
    void goalReference_pluginInfo_listsTheGoalsAndRequirements() throws IOException {
        String text = page("smoke-maven-plugin/plugin-info.html").text();

        assertThat(text).contains("smoke:verify", "smoke:doctor", "smoke:init", "smoke:help", "Maven 3.8.1", "JDK 17");
        assertThat(page("smoke-maven-plugin/plugin-info.html").select("a[href]"))
                .extracting(link -> link.attr("href"))
                .contains("./verify-mojo.html", "./doctor-mojo.html", "./init-mojo.html");
    }

    @Test
    void goalReference_verify_showsPropertiesDefaultsAndSince() throws IOException {
        String text = page("smoke-maven-plugin/verify-mojo.html").text();

        assertThat(text)
                .contains(
                        "User Property: smoke.manifest",
                        "Default: ${project.basedir}/src/smoke/manifest.toml",
                        "Since: 0.1.0",
                        "User Property: smoke.repoUrl");
    }
}
