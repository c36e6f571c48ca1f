package dev.smokegate.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The internal links of a generated site that lead nowhere. An internal link is an {@code href} or
 * {@code src} without a scheme ({@code http:}, {@code mailto:}, …): it must name a file of the site
 * (a folder stands for its {@code index.html}), and its {@code #fragment}, if any, an element of that
 * page with that {@code id} or an {@code <a name>}. External links are not followed: the check runs
 * without network.
 */
final class SiteLinks {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final String LINKS = "a[href], link[href], img[src], script[src], iframe[src]";

    private final Path root;
    private final Map<Path, Document> pages = new HashMap<>();

    private SiteLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * @param root the site's folder, such as {@code target/staging}
     * @return each broken link as {@code <page>: <link> (<why>)}, pages relative to {@code root}, in
     *     path order; empty when every internal link resolves
     * @throws UncheckedIOException when the site cannot be read
     */
    static List<String> broken(Path root) {
        SiteLinks site = new SiteLinks(root);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site.root)) {
            for (Path page : files.filter(file -> file.toString().endsWith(".html"))
                    .sorted()
                    .toList()) {
                for (Element link : site.page(page).select(LINKS)) {
                    String target = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                    String why = site.problem(page, target);
                    if (why != null) {
                        found.add(site.root.relativize(page) + ": " + target + " (" + why + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the site [" + root + "]", e);
        }
        return found;
    }

    /** Why {@code target}, linked from {@code page}, is broken; {@code null} when it resolves or is external. */
    private String problem(Path page, String target) {
        String trimmed = target.strip();
        if (trimmed.isEmpty() || trimmed.equals("#") || SCHEME.matcher(trimmed).matches() || trimmed.startsWith("//")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return "malformed: " + e.getReason();
        }
        Path file = page;
        if (uri.getPath() != null && !uri.getPath().isEmpty()) {
            file = page.getParent().resolve(uri.getPath()).normalize();
            if (!file.startsWith(root)) {
                return "outside the site";
            }
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                return "no file " + root.relativize(file);
            }
        }
        String fragment = uri.getFragment();
        if (fragment == null || fragment.isEmpty() || !file.toString().endsWith(".html")) {
            return null;
        }
        Document document = page(file);
        if (document.getElementById(fragment) == null
                && document.select("a[name]").stream()
                        .noneMatch(a -> a.attr("name").equals(fragment))) {
            return "no anchor #" + fragment + " in " + root.relativize(file);
        }
        return null;
    }

    private Document page(Path file) {
        return pages.computeIfAbsent(file, path -> {
            try {
                return Jsoup.parse(path.toFile(), "UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the page [" + path + "]", e);
            }
        });
    }
}
