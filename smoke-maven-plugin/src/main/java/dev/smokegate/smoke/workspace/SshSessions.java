package dev.smokegate.smoke.workspace;

import java.io.File;
import java.nio.file.Path;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
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
 * one is given ({@code -Dsmoke.sshDirectory}). There is no prompt: no {@code CredentialsProvider}
 * is set, so a host key that {@code known_hosts} does not list is refused ({@code
 * StrictHostKeyChecking} "ask" becomes "deny" without one) and a key that needs a passphrase is
 * skipped. A gate never waits for input.
 *
 * <p>The factory is created on the first ssh transport only. Its client's threads end when the
 * transport closes its session (at the end of the fetch); {@link #close()} then stops the factory
 * from opening new sessions and drops its key cache.
 */
final class SshSessions implements TransportConfigCallback, AutoCloseable {

    private final Path sshDirectory;
    private SshdSessionFactory factory;

    /** @param sshDirectory the ssh directory, or {@code null} for {@code ~/.ssh} */
    SshSessions(Path sshDirectory) {
        this.sshDirectory = sshDirectory;
    }

    /**
     * The ssh directory in use.
     *
     * @return the given directory, or {@code ~/.ssh} (JGit's idea of the home directory)
     */
    Path directory() {
        return sshDirectory != null ? sshDirectory : defaultDirectory();
    }

    static Path defaultDirectory() {
        return FS.DETECTED.userHome().toPath().resolve(".ssh");
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
