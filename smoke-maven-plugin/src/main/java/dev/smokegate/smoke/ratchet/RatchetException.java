package dev.smokegate.smoke.ratchet;

/**
 * The git history of the manifest could not be read: the repository is damaged, an object is
 * missing, the disk failed. The message names the manifest and keeps the cause.
 */
public final class RatchetException extends Exception {
    private static final long serialVersionUID = 1L;

    public RatchetException(String message, Throwable cause) {
        super(message, cause);
    }
}
