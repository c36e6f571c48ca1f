package dev.smokegate.smoke.model;

import java.util.Objects;

/**
 * A username and password for clones over {@code http(s)://} from one host, taken from a {@code
 * <server>} of Maven's {@code settings.xml} (already decrypted). As in Maven SCM, the server's
 * {@code id} names the host: {@code host:port} when the URL has a port, else {@code host}
 * ({@code [::1]:8080} for an IPv6 address). The login code looks servers up by that id.
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param serverId the {@code <server><id>}, for messages
 * @param username the {@code <username>}
 * @param password the {@code <password>}; may be empty
 * @param problem why the password could not be decrypted (Maven's own message), or {@code null};
 *     a server with a problem is never used to log in
 */
public record ServerCredentials(String serverId, String username, String password, String problem) {
    public ServerCredentials {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
    }

    /**
     * A server whose password was decrypted, or needed no decryption.
     *
     * @param serverId the {@code <server><id>}
     * @param username the {@code <username>}
     * @param password the {@code <password>}; may be empty
     */
    public ServerCredentials(String serverId, String username, String password) {
        this(serverId, username, password, null);
    }

    @Override
    public String toString() {
        return "ServerCredentials[" + serverId + ", username=" + username + ", password=***"
                + (problem == null ? "" : ", problem=" + problem) + "]";
    }
}
