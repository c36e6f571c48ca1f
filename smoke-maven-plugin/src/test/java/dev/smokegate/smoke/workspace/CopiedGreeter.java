package dev.smokegate.smoke.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.UntrackedMode;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The starting point of {@link WorkspacePatchTest} and {@link WorkspaceDiffTest}: the greeter
 * fixture, copied with its untracked files into a workspace, plus what their cases share.
 *
 * @param repo the greeter checkout
 * @param workspace its copy
 */
record CopiedGreeter(Path repo, Path workspace) {

    /** Makes {@code tmp/greeter} and copies it into {@code tmp/workspace}. */
    static CopiedGreeter in(Path tmp) throws Exception {
        Path repo = FixtureRepos.greeter(tmp.resolve("greeter"));
        Path workspace = tmp.resolve("workspace");
        new CheckoutCopier(SmokeLog.silent(), MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);
        return new CopiedGreeter(repo, workspace);
    }

    /** Writes a text file of the given lines, each ended by a newline. */
    static Path write(Path file, String... lines) throws IOException {
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** Asserts that {@code call} fails with a WorkspaceException of this reason and exactly this message. */
    static void assertFails(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessage(message);
    }
}
