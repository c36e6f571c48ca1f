package dev.smokegate.smoke.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a clone URL one that no fetch can use, found before the fetch so the message names the
 * fault instead of the transport's: empty, a space or control character, an unknown scheme, a
 * scheme without {@code //}, no host, or a port outside 1 to 65535 (RFC 3986 section 3.2.3; TCP
 * ports are 16-bit). The schemes are those git and JGit fetch from: {@code http}, {@code https},
 * {@code ssh}, {@code git} and {@code file}; git's scp-like {@code user@host:path} and local paths
 * pass. A message never holds the URL's password: it names only the scheme, the port or an index.
 */
public final class CloneUrls {
    private static final Set<String> SCHEMES = Set.of("http", "https", "ssh", "git", "file");

    private CloneUrls() {}

    /**
     * @param url a clone URL as given
     * @return what is wrong with it and what to do, as {@code <what>: <value>. <what to do>.}; empty
     *     when a fetch may try it
     */
    public static Optional<String> problem(String url) {
        if (url.isBlank()) {
            return Optional.of(
                    "the URL is empty. Give the repository's URL, such as" + " https://repo.example.org/team/app.git.");
        }
        int separator = url.indexOf("://");
        boolean local = separator < 0 || url.regionMatches(true, 0, "file", 0, separator) && separator == 4;
        for (int i = 0; i < url.length() && !local; i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of("the URL holds "
                        + (c == ' ' ? "a space" : String.format(Locale.ROOT, "the character U+%04X", (int) c))
                        + " at index " + i + ". Percent-encode it (a space is %20) or remove it.");
            }
        }
        if (separator < 0) {
            int colon = url.indexOf(':');
            if (colon > 0 && SCHEMES.contains(url.substring(0, colon).toLowerCase(Locale.ROOT))) {
                String scheme = url.substring(0, colon);
                return Optional.of("'" + scheme + ":' is not followed by '//'. Write " + scheme + "://host/path.");
            }
            return Optional.empty(); // scp-like user@host:path, or a local path
        }
        String scheme = url.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of("unknown scheme '" + url.substring(0, separator)
                    + "'. Use https://, http://, ssh://, git:// or file://, or a local path.");
        }
        if (scheme.equals("file")) {
            return Optional.empty();
        }
        String shown = UrlLogin.withoutPassword(url);
        URI uri;
        try {
            uri = new URI(shown);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL: " + e.getReason() + " at index " + e.getIndex()
                    + ". Percent-encode what a URL may not hold.");
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostAndPort.lastIndexOf(':');
        if (colon >= 0 && hostAndPort.indexOf(']', colon) < 0) {
            String port = hostAndPort.substring(colon + 1);
            if (!port.isEmpty()) {
                boolean number = port.matches("[0-9]{1,9}");
                if (!number || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                    return Optional.of("port '" + port + "' is not a number from 1 to 65535. Fix the port, or"
                            + " leave it out for the scheme's default.");
                }
            }
            hostAndPort = hostAndPort.substring(0, colon);
        }
        if (hostAndPort.isEmpty()) {
            return Optional.of("the URL has no host. Write " + scheme + "://host/path.");
        }
        return Optional.empty();
    }
}
