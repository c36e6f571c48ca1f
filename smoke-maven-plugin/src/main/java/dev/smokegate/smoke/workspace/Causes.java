package dev.smokegate.smoke.workspace;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The innermost cause of an exception, for messages. JGit wraps the exception that says what went
 * wrong ({@code MissingObjectException: Missing unknown 9b68…}) in others that do not ({@code
 * JGitInternalException: Exception caught during execution of fetch command}, {@code
 * TransportException}, {@code UploadPackInternalServerErrorException}); a message that shows only the
 * outer one hides the reason. Every catch site of the workspace words its cause through {@link
 * #message}.
 */
final class Causes {

    private Causes() {}

    /**
     * @param e an exception
     * @return the last exception of its {@link Throwable#getCause()} chain; {@code e} itself when it
     *     has no cause. A chain that loops ends at the last exception not seen before.
     */
    static Throwable innermost(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable last = e;
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            last = t;
        }
        return last;
    }

    /**
     * What the innermost cause says: its message, or its class's simple name when it has none.
     *
     * @param e an exception
     * @return e.g. {@code Missing unknown 9b68c1…}
     */
    static String innermostMessage(Throwable e) {
        return text(innermost(e));
    }

    /**
     * The message of {@code e}, followed by its innermost cause's when that is another exception
     * whose message {@code e}'s does not already hold: {@code Exception caught during execution of
     * fetch command: Missing unknown 9b68…}. An exception without a cause gives its own message.
     *
     * @param e an exception
     * @return the text for a message, never {@code null}
     */
    static String message(Throwable e) {
        String outer = text(e);
        Throwable inner = innermost(e);
        if (inner == e) {
            return outer;
        }
        String cause = text(inner);
        return outer.contains(cause) ? outer : outer + ": " + cause;
    }

    private static String text(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
    }
}
