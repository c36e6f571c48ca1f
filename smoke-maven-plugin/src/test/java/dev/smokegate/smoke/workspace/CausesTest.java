package dev.smokegate.smoke.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.login.SettingsLogins;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.UploadPackInternalServerErrorException;
import org.junit.jupiter.api.Test;

/**
 * Messages name the innermost cause of what JGit wraps: {@link Causes}, {@link CloneFailures#message}
 * and the messages built on them.
 */
class CausesTest {
    private static final ObjectId ID = ObjectId.fromString("9b68c1f0c2a9b3d4e5f60718293a4b5c6d7e8f90");

    /** What a fetch from a repository that lacks an object throws, as JGit nests it. */
    private static JGitInternalException wrappedMissingObject() {
        return new JGitInternalException(
                "Exception caught during execution of fetch command",
                new TransportException(
                        "file:///srv/r.git: remote: internal server error",
                        new UploadPackInternalServerErrorException(new MissingObjectException(ID, "unknown"))));
    }

    private static final CloneFailures FAILURES = new CloneFailures(new CloneSettings(
            false, null, new SettingsLogins(Map.of(), MavenFrontEnd.INSTANCE), MavenFrontEnd.INSTANCE));

    @Test
    void innermost_jgitWrappers_theMissingObject() {
        assertThat(Causes.innermost(wrappedMissingObject())).isInstanceOf(MissingObjectException.class);
        assertThat(Causes.innermostMessage(wrappedMissingObject())).isEqualTo("Missing unknown " + ID.name());
    }

    @Test
    void innermost_causesThatLoop_endsAtTheLastNotSeenBefore() {
        IOException outer = new IOException("outer");
        IOException inner = new IOException("inner", outer);
        outer.initCause(inner);

        assertThat(Causes.innermost(outer)).isSameAs(inner);
    }

    @Test
    void message_wrapperAroundACause_outerThenInnermost() {
        JGitInternalException e = new JGitInternalException(
                "Exception caught during execution of add command", new IOException("No space left on device"));

        assertThat(Causes.message(e))
                .isEqualTo("Exception caught during execution of add command: No space left on device");
    }

    @Test
    void message_noCause_itsOwnMessage() {
        assertThat(Causes.message(new IOException("disk on fire"))).isEqualTo("disk on fire");
        assertThat(Causes.message(new IOException())).isEqualTo("IOException");
    }

    @Test
    void io_wrappedCause_messageNamesTheInnermost() {
        WorkspaceException e = WorkspaceException.io(
                "checkout copy [/repo]",
                "cannot walk the working tree",
                new JGitInternalException(
                        "Exception caught during execution of status command", new IOException("Input/output error")),
                "Run 'git status' there.");

        assertThat(e)
                .hasMessage("checkout copy [/repo]: cannot walk the working tree: Exception caught during execution of"
                        + " status command: Input/output error. Run 'git status' there.");
    }

    @Test
    void unreachable_internalServerErrorWrappingAMissingObject_messageNamesTheObject() {
        WorkspaceException e = FAILURES.unreachable("file:///srv/r.git", "clone [x]", wrappedMissingObject());

        assertThat(e)
                .hasMessage("clone [x]: the repository cannot be reached: Exception caught during execution of fetch"
                        + " command: remote: internal server error: Missing unknown " + ID.name()
                        + ". Check the URL and that a git repository is there.");
    }

    @Test
    void unreachable_internalServerErrorAlone_saysTheServerGaveNoOtherCause() {
        WorkspaceException e = FAILURES.unreachable(
                "file:///srv/r.git",
                "clone [x]",
                new TransportException("file:///srv/r.git: remote: internal server error"));

        assertThat(e)
                .hasMessage("clone [x]: the repository cannot be reached: remote: internal server error (the server"
                        + " gave no other cause; its own log has it). Check the URL, the network and your"
                        + " credentials.");
    }

    @Test
    void cloneFailuresMessage_longChain_firstThreeAndTheInnermost() {
        Throwable chain = new IOException("f");
        for (String part : new String[] {"e", "d", "c", "b", "a"}) {
            chain = new IOException(part, chain);
        }

        assertThat(CloneFailures.message(chain)).isEqualTo("a: b: c: f");
    }
}
