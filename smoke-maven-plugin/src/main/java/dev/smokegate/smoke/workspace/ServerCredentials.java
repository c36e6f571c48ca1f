package dev.smokegate.smoke.workspace;

import java.util.Objects;

/**
 * A username and password for clones over {@code http(s)://} from one host, taken from a {@code
 * <server>} of Maven's {@code settings.xml} (already decrypted). As in Maven SCM, the server's
 * {@code id} names the host: {@code host:port} when the URL has a port, else {@code host}. JGit
 * sends them only when that host asks for authentication (HTTP 401).
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param serverId the {@code <server><id>}, for messages
 * @param username the {@code <username>}
 * @param password the {@code <password>}; may be empty
 */
public record ServerCredentials(String serverId, String username, String password) {
    public ServerCredentials {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "ServerCredentials[" + serverId + ", username=" + username + ", password=***]";
    }
}
