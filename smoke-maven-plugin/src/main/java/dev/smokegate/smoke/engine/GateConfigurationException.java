package dev.smokegate.smoke.engine;

/**
 * The gate cannot run as configured: a selection matches nothing, a parameter is malformed. The
 * message names the setting as the front end spells it (with the Maven plugin, {@code -Dsmoke.x}),
 * the offending value and what to do.
 */
public final class GateConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    public GateConfigurationException(String message) {
        super(message);
    }

    public GateConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
