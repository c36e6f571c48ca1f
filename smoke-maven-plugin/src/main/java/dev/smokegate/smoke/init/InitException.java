package dev.smokegate.smoke.init;

/** Why {@link ManifestInit} wrote no manifest: one already exists, or the project's own build failed. */
public final class InitException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, where, and what to do */
    public InitException(String message) {
        super(message);
    }

    /**
     * @param message what failed, where, and what to do
     * @param cause the underlying error
     */
    public InitException(String message, Throwable cause) {
        super(message, cause);
    }
}
