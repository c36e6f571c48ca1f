package dev.smokegate.smoke.login;

import dev.smokegate.smoke.model.FrontEnd;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * The ssh client for one fetch: JGit's Apache MINA sshd transport ({@code org.eclipse.jgit.ssh.apache}),
 * set explicitly on every {@link SshTransport} rather than found through {@code ServiceLoader}, so
 * that it does not depend on the thread's context class loader inside Maven.
 *
 * <p>Like OpenSSH, it reads the identities ({@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa},
 * …), {@code known_hosts} and {@code config} from the ssh directory, which is {@code ~/.ssh} unless
 * one is given (the front end's {@link FrontEnd.Setting#SSH_DIRECTORY} setting). There is no
 * prompt: no {@code CredentialsProvider} is set, so a host key that {@code known_hosts} does not
 * list is refused ({@code StrictHostKeyChecking} "ask" becomes "deny" without one) and a key that
 * needs a passphrase is skipped. A gate never waits for input.
 *
 * <p>The factory is created on the first ssh transport only. Its client's threads end when the
 * transport closes its session (at the end of the fetch); {@link #close()} then stops the factory
 * from opening new sessions and drops its key cache.
 */
public final class SshSessions implements TransportConfigCallback, AutoCloseable {

    private final Path sshDirectory;
    private SshdSessionFactory factory;

    /** @param sshDirectory the ssh directory, or {@code null} for {@code ~/.ssh} */
    public SshSessions(Path sshDirectory) {
        this.sshDirectory = sshDirectory;
    }

    /**
     * The ssh directory in use.
     *
     * @return the given directory, or {@code ~/.ssh} (JGit's idea of the home directory)
     */
    Path directory() {
        return directory(sshDirectory);
    }

    private static Path directory(Path given) {
        return given != null ? given : FS.DETECTED.userHome().toPath().resolve(".ssh");
    }

    /**
     * Whether JGit fetches a URL over ssh: {@code ssh://}, {@code git+ssh://}, {@code ssh+git://} or
     * scp-like {@code user@host:path}, as JGit's transports see them.
     *
     * @param url any URL or path
     * @return true for an ssh URL
     */
    public static boolean isSsh(String url) {
        try {
            URIish uri = new URIish(url);
            String scheme = uri.getScheme();
            if (scheme != null) {
                return scheme.toLowerCase(Locale.ROOT).contains("ssh");
            }
            return uri.getHost() != null && !url.startsWith("/") && !url.startsWith("\\");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * What to tell the user when an ssh fetch failed: where keys are read and what must be there.
     *
     * @param sshDirectory the ssh directory, or {@code null} for {@code ~/.ssh}
     * @param frontEnd names the setting that changes the ssh directory
     * @return one sentence, starting with "ssh reads"
     */
    public static String hint(Path sshDirectory, FrontEnd frontEnd) {
        return "ssh reads its keys, known_hosts and config from " + directory(sshDirectory) + " ("
                + frontEnd.setting(FrontEnd.Setting.SSH_DIRECTORY)
                + "): the server's host key must be in known_hosts (for example"
                + " from ssh-keyscan), and a key the server accepts must be there without a passphrase;"
                + " the gate never prompts.";
    }

    @Override
    public void configure(Transport transport) {
        if (transport instanceof SshTransport ssh) {
            if (factory == null) {
                File home = FS.DETECTED.userHome();
                factory = new SshdSessionFactoryBuilder()
                        .setHomeDirectory(home)
                        .setSshDirectory(directory().toFile())
                        .build(null);
            }
            ssh.setSshSessionFactory(factory);
        }
    }

    @Override
    public void close() {
        if (factory != null) {
            factory.close();
            factory = null;
        }
    }
}
