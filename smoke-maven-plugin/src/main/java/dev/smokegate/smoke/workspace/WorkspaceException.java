package dev.smokegate.smoke.workspace;

import java.util.Objects;

/**
 * A workspace could not be prepared, patched or compared. The message reads {@code <what failed>
 * [<where>]: <offending value>. <what to do>.} and never needs a stack trace to be understood; the
 * cause, when there is one, is kept for the front end's debug output.
 */
public final class WorkspaceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why it failed; the engine maps each reason to its own harness problem. */
    public enum Reason {
        /** The checkout folder is not inside a git working tree (or is a bare repository). */
        NOT_A_REPOSITORY,
        /** A path in the index cannot be read: access denied, or no longer a regular file or symlink. */
        UNREADABLE_TRACKED,
        /** The clone's branch, tag or commit does not exist in the remote. */
        REF_NOT_FOUND,
        /** The clone's URL cannot be reached: network, authentication, or no repository there. */
        UNREACHABLE,
        /** Offline and the mirror or the wanted commit is not in the clone cache. */
        OFFLINE_NOT_CACHED,
        /** A patch does not apply to the workspace. */
        PATCH_REJECTED,
        /** A patch targets a path outside the workspace: absolute, {@code ..}, {@code .git} or via a symlink. */
        ESCAPES_WORKSPACE,
        /** Reading or writing files failed. */
        IO,
        /** A mirror in the clone cache is damaged: a pack that does not match its index, an object it lacks, a broken HEAD or refs. */
        CACHE_CORRUPT,
        /** The clone's repository lacks objects its own history needs: a partial or shallow clone. */
        INCOMPLETE_REPOSITORY
    }

    private final Reason reason;

    /**
     * A failure without an underlying exception.
     *
     * @param reason why it failed
     * @param message the user-facing message
     */
    public WorkspaceException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * A failure caused by another exception.
     *
     * @param reason why it failed
     * @param message the user-facing message
     * @param cause the underlying exception, kept for the front end's debug output
     */
    public WorkspaceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * A failure to read or write, caused by another exception, worded {@code <where>: <what
     * failed>: <the cause's message>. <what to do>}.
     *
     * @param where the start of the message, e.g. {@code "checkout copy [/repo]"}
     * @param failed what failed, e.g. {@code "cannot read HEAD"}
     * @param cause the exception, whose message follows and which is kept
     * @param advice what to do, a sentence ending with a period
     * @return an IO failure
     */
    static WorkspaceException io(String where, String failed, Exception cause, String advice) {
        return new WorkspaceException(
                Reason.IO, where + ": " + failed + ": " + Causes.message(cause) + ". " + advice, cause);
    }

    /**
     * Why it failed.
     *
     * @return the reason, never {@code null}
     */
    public Reason reason() {
        return reason;
    }
}
