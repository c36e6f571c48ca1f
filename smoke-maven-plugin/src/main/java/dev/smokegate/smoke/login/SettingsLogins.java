package dev.smokegate.smoke.login;

import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.ServerCredentials;
import dev.smokegate.smoke.model.SmokeLog;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * The logins for {@code http(s)://} clones: the front end's {@code <server>}s (from its {@link
 * FrontEnd#loginFile()}) found by host, the way Maven SCM finds them ({@code host:port} first, then {@code host}; host names compare without
 * case).
 *
 * <p>The {@link CredentialsProvider} it makes looks the server up again for every URL JGit asks
 * about, so a login only ever goes to the host its server id names: after a redirect to another
 * host, that host gets its own server's login or none. JGit asks only when a host answers HTTP
 * 401. A server whose password could not be decrypted gives no login. A login sent over plain
 * {@code http://} is logged as a warning.
 */
public final class SettingsLogins {

    private final Map<String, ServerCredentials> byId;

    private final String loginFile;
    private final String loginEntry;
    private final String loginKeyFile;

    /**
     * @param servers the servers by {@code <server><id>}
     * @param frontEnd names the file the servers come from in messages ({@link FrontEnd#loginFile()})
     */
    public SettingsLogins(Map<String, ServerCredentials> servers, FrontEnd frontEnd) {
        Map<String, ServerCredentials> lower = new HashMap<>();
        servers.forEach((id, server) -> lower.put(id.toLowerCase(Locale.ROOT), server));
        this.byId = Map.copyOf(lower);
        this.loginFile = Objects.requireNonNull(frontEnd, "frontEnd").loginFile();
        this.loginEntry = frontEnd.loginEntry();
        this.loginKeyFile = frontEnd.loginKeyFile();
    }

    /** The host part of an {@code http(s)} URL, and the server id that would serve it. */
    record HttpHost(String name, int port, boolean secure) {
        /** @return {@code host:port}, or {@code host} when the URL has no port */
        String id() {
            return port > 0 ? name + ":" + port : name;
        }
    }

    /**
     * Whether a URL gets a login from here at all: ssh and file URLs never do.
     *
     * @param url any URL
     * @return true for an {@code http://} or {@code https://} URL with a host
     */
    public static boolean isHttp(String url) {
        return httpHost(url) != null;
    }

    /**
     * @param url any URL
     * @return its host, lower-cased, when it is {@code http://} or {@code https://}; else null
     */
    static HttpHost httpHost(String url) {
        try {
            return httpHost(new URIish(url));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static HttpHost httpHost(URIish uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                ? new HttpHost(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), scheme.equals("https"))
                : null;
    }

    /**
     * @param url any URL
     * @return the server for an {@code http(s)} URL's host ({@code host:port}, else {@code host}),
     *     or null
     */
    ServerCredentials forUrl(String url) {
        HttpHost host = httpHost(url);
        return host == null ? null : forHost(host);
    }

    private ServerCredentials forHost(HttpHost host) {
        ServerCredentials found = host.port() > 0 ? byId.get(host.id()) : null;
        return found != null ? found : byId.get(host.name());
    }

    /**
     * What to tell the user when an {@code http(s)} clone failed: which server's login was tried,
     * or which server id to add; null for other URLs.
     *
     * @param url the clone URL
     * @return one or two sentences, or null
     */
    public String hint(String url) {
        HttpHost host = httpHost(url);
        if (host == null) {
            return null;
        }
        ServerCredentials server = forHost(host);
        if (server == null) {
            return "A repository that needs a login takes its username and password from a " + loginEntry + " in "
                    + loginFile + " whose id is " + host.id() + ".";
        }
        if (server.problem() != null) {
            return "The password of " + loginEntry + " " + server.serverId() + " in " + loginFile
                    + " cannot be decrypted (" + server.problem() + "), so no login was sent; fix the password or "
                    + loginKeyFile + ".";
        }
        return "The username and password came from " + loginEntry + " " + server.serverId() + " in " + loginFile + ".";
    }

    /**
     * @param where the clone, for log lines
     * @param log where the plain-http warning and the debug line go
     * @return a provider that never prompts and answers only for hosts that have a usable server
     */
    public CredentialsProvider provider(String where, SmokeLog log) {
        return new Provider(where, log);
    }

    private final class Provider extends CredentialsProvider {
        private final String where;
        private final SmokeLog log;
        private final Set<String> told = ConcurrentHashMap.newKeySet();

        Provider(String where, SmokeLog log) {
            this.where = where;
            this.log = log;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            for (CredentialItem item : items) {
                if (!(item instanceof CredentialItem.Username) && !(item instanceof CredentialItem.Password)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
            HttpHost host = uri == null ? null : httpHost(uri);
            ServerCredentials server = host == null ? null : forHost(host);
            if (server == null || server.problem() != null) {
                return false;
            }
            for (CredentialItem item : items) {
                if (item instanceof CredentialItem.Username username) {
                    username.setValue(server.username());
                } else if (item instanceof CredentialItem.Password password) {
                    password.setValue(server.password().toCharArray());
                } else {
                    throw new UnsupportedCredentialItem(uri, item.getClass().getName() + ":" + item.getPromptText());
                }
            }
            if (told.add(host.id())) {
                if (host.secure()) {
                    log.debug(where + ": logging in to " + host.id() + " as " + server.username() + " (" + loginEntry
                            + " " + server.serverId() + " in " + loginFile + ")");
                } else {
                    log.warn(where + ": sending the login of " + loginEntry + " " + server.serverId()
                            + " to " + host.id() + " over plain http://, readable by anyone on the way. Use"
                            + " https:// for repositories that need a login.");
                }
            }
            return true;
        }
    }
}
