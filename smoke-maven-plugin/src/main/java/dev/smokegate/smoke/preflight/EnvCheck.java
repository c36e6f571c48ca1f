package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.HostCheck;
import java.time.Duration;

/**
 * {@code requires.env}: the variable is set and not blank. The value is never shown.
 *
 * @param variable the variable's name
 */
record EnvCheck(String variable) implements Check {
    @Override
    public String name() {
        return "env " + variable;
    }

    @Override
    public String rule() {
        return "host.requires.env";
    }

    @Override
    public HostCheck run(Host host, Duration timeout) {
        String value = host.environment().get(variable);
        if (value == null) {
            return fail("not set");
        }
        return value.isBlank() ? fail("set but empty") : pass("set");
    }
}
