package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every network transport must do for {@link CloneCache}, run once per transport by the
 * subclasses, each against a git server it starts on 127.0.0.1 that serves {@link #remote}, a bare
 * mirror of the greeter fixture.
 */
@Timeout(120)
abstract class RemoteCloneContract {
    @TempDir
    Path tmp;

    /** The served repository, for comparing commits. */
    Path remote;

    /** Makes {@link #remote}; subclasses call it before starting their server. */
    final void createRemote() throws IOException {
        remote = FixtureRepos.bareMirror(FixtureRepos.greeter(tmp.resolve("greeter")), tmp.resolve("remote.git"));
    }

    /** @return the URL of {@link #remote} on the running server */
    abstract String url();

    /** @return a cache in {@code tmp/cache} set up for this transport */
    abstract CloneCache cache();

    /** Stops the server, so that any later network use fails. */
    abstract void stopServer() throws IOException;

    @Test
    void cloneInto_atTag_clonesThroughTheMirrorCache() throws Exception {
        Path workspace = tmp.resolve("ws");

        CloneReport report = cache().cloneInto(url(), FixtureRepos.TAG, workspace);

        assertThat(report.fetched()).isTrue();
        assertThat(report.commit())
                .isEqualTo(
                        ok(remote, "rev-parse", FixtureRepos.TAG + "^{commit}").trim());
        assertThat(ok(workspace, "rev-parse", "HEAD").trim()).isEqualTo(report.commit());
        assertThat(ok(workspace, "config", "--get", "remote.origin.url").trim()).isEqualTo(url());
        assertThat(workspace.resolve(FixtureRepos.GREETER_SOURCE)).exists();
        assertThat(workspace.resolve(FixtureRepos.CHANGELOG))
                .as("the tag predates the CHANGELOG commit")
                .doesNotExist();
        assertThat(ok(workspace, "status", "--porcelain")).isEmpty();
    }

    @Test
    void cloneInto_pinnedShaAgainAfterTheServerStopped_noNetworkNeeded() throws Exception {
        CloneCache cache = cache();
        String sha = ok(remote, "rev-parse", "main").trim();
        cache.cloneInto(url(), sha, tmp.resolve("first"));
        stopServer();

        CloneReport again = cache.cloneInto(url(), sha, tmp.resolve("second"));

        assertThat(again.fetched()).isFalse();
        assertThat(again.commit()).isEqualTo(sha);
        assertThat(tmp.resolve("second").resolve(FixtureRepos.CHANGELOG)).exists();
    }
}
