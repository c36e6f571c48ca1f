package dev.smokegate.smoke.login;

import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * A clone URL with its password split off: the cache stores, names and shows only {@link #url()}
 * (the URL without the password, the user name kept), and the password reaches JGit only through
 * {@link #provider}, never in a URL it could write into a repository's {@code config}.
 *
 * <p>The password is the userinfo's part after its first {@code :} (RFC 3986 section 3.2.1), in
 * {@code scheme://user:password@host/…} or in git's scp-like {@code user:password@host:path};
 * percent-escapes in the user name and password are decoded for the login. A URL without a password
 * is kept exactly as given, so its cache folder does not change.
 *
 * @param url the URL without the password; the URL as given when it has none
 * @param username the URL's user name (decoded), or {@code null}
 * @param password the URL's password (decoded), or {@code null} when it has none
 */
public record UrlLogin(String url, String username, String password) {

    /** {@code user:password@host:path}, git's scp-like form: no scheme, a host and a path after {@code :}. */
    private static final Pattern SCP = Pattern.compile("([^@/:]*):([^@/]*)@([^@/:]+:.*)", Pattern.DOTALL);

    /** @throws NullPointerException if url is {@code null} */
    public UrlLogin {
        Objects.requireNonNull(url, "url");
    }

    /**
     * @param url a clone URL as the manifest or the front end gives it
     * @return its parts; a URL without a password has {@code url} unchanged and no password
     */
    public static UrlLogin of(String url) {
        Objects.requireNonNull(url, "url");
        int scheme = url.indexOf("://");
        if (scheme > 0) {
            int hostStart = scheme + 3;
            int authorityEnd = url.length();
            for (char end : new char[] {'/', '?', '#'}) {
                int at = url.indexOf(end, hostStart);
                if (at >= 0 && at < authorityEnd) {
                    authorityEnd = at;
                }
            }
            int at = url.lastIndexOf('@', authorityEnd - 1);
            if (at < hostStart) {
                return new UrlLogin(url, null, null);
            }
            String userinfo = url.substring(hostStart, at);
            int colon = userinfo.indexOf(':');
            if (colon < 0) {
                return new UrlLogin(url, decode(userinfo), null);
            }
            String user = userinfo.substring(0, colon);
            String shown = url.substring(0, hostStart) + (user.isEmpty() ? "" : user + "@") + url.substring(at + 1);
            return new UrlLogin(shown, user.isEmpty() ? null : decode(user), decode(userinfo.substring(colon + 1)));
        }
        Matcher scp = SCP.matcher(url);
        if (scp.matches() && !scp.group(2).isEmpty()) {
            String user = scp.group(1);
            return new UrlLogin(
                    (user.isEmpty() ? "" : user + "@") + scp.group(3),
                    user.isEmpty() ? null : decode(user),
                    decode(scp.group(2)));
        }
        return new UrlLogin(url, null, null);
    }

    /**
     * @param url a clone URL
     * @return the URL without its password, as the cache stores and shows it
     */
    public static String withoutPassword(String url) {
        return of(url).url();
    }

    /** @return whether the URL carried a password */
    public boolean hasPassword() {
        return password != null;
    }

    /** Percent-decodes a userinfo part; {@code +} stays a plus, as in a URL (not a form). */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    /**
     * The credentials of a fetch of this URL: the URL's own user name and password for its host
     * (and port), only there (a redirect to another host gets {@code others}' answer), never
     * prompting.
     *
     * @param others asked for every other host, and for this one when the URL has no password; may
     *     be {@code null}
     * @return {@code others} when the URL has no password, else a provider answering with it
     */
    public CredentialsProvider provider(CredentialsProvider others) {
        return hasPassword() ? new Provider(others) : others;
    }

    private final class Provider extends CredentialsProvider {
        private final CredentialsProvider others;
        private final String host;
        private final int port;

        Provider(CredentialsProvider others) {
            this.others = others;
            URIish uri;
            try {
                uri = new URIish(url);
            } catch (URISyntaxException e) {
                uri = new URIish();
            }
            this.host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            this.port = uri.getPort();
        }

        private boolean ours(URIish uri) {
            return uri != null
                    && uri.getHost() != null
                    && uri.getHost().toLowerCase(Locale.ROOT).equals(host)
                    && uri.getPort() == port;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            for (CredentialItem item : items) {
                if (!(item instanceof CredentialItem.Username) && !(item instanceof CredentialItem.Password)) {
                    return others != null && others.supports(items);
                }
            }
            return true;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
            if (!ours(uri)) {
                return others != null && others.get(uri, items);
            }
            for (CredentialItem item : items) {
                if (item instanceof CredentialItem.Username name) {
                    name.setValue(username == null ? uri.getUser() : username);
                } else if (item instanceof CredentialItem.Password secret) {
                    secret.setValue(password.toCharArray());
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "UrlLogin.Provider[" + url + ", password=***]";
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "UrlLogin[" + url + (hasPassword() ? ", password=***" : "") + "]";
    }
}
