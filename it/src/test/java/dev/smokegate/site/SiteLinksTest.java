package dev.smokegate.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link checker itself, on a tiny site of its own. */
class SiteLinksTest {

    @Test
    void broken_missingPageAnchorAndEscape_namesEach(@TempDir Path site) throws Exception {
        Files.writeString(
                site.resolve("index.html"),
                "<html><body><h2 id=\"top\">Top</h2>"
                        + "<a href=\"usage.html\">ok</a><a href=\"usage.html#params\">ok</a><a href=\"#top\">ok</a>"
                        + "<a href=\"https://repo.example.org/x\">external</a><a href=\"mailto:a@example.org\">mail</a>"
                        + "<a href=\"goals.html\">missing</a><a href=\"usage.html#nowhere\">missing anchor</a>"
                        + "<a href=\"../up.html\">escape</a><img src=\"images/logo.png\"></body></html>");
        Files.writeString(site.resolve("usage.html"), "<html><body><a name=\"params\"></a></body></html>");

        assertThat(SiteLinks.broken(site))
                .containsExactly(
                        "index.html: goals.html (no file goals.html)",
                        "index.html: usage.html#nowhere (no anchor #nowhere in usage.html)",
                        "index.html: ../up.html (outside the site)",
                        "index.html: images/logo.png (no file images/logo.png)");
    }

    @Test
    void broken_folderLink_resolvesToItsIndex(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("module"));
        Files.writeString(site.resolve("module/index.html"), "<html></html>");
        Files.writeString(site.resolve("index.html"), "<html><body><a href=\"module/\">module</a></body></html>");

        assertThat(SiteLinks.broken(site)).isEmpty();
    }
}
