package dev.smokegate.smoke;

import dev.smokegate.smoke.model.FrontEnd;
import java.util.Locale;

/**
 * A front end with words other than Maven's ({@code --manifest}, {@code --offline}, {@code
 * logins.toml}), for tests that show the Maven-free packages take every word from the front end.
 */
public enum CliFrontEnd implements FrontEnd {
    /** The one instance. */
    INSTANCE;

    @Override
    public String setting(Setting setting) {
        return "--" + setting.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String offlineSwitch() {
        return "--offline";
    }

    @Override
    public String loginFile() {
        return "logins.toml";
    }

    @Override
    public String loginEntry() {
        return "[login]";
    }

    @Override
    public String loginKeyFile() {
        return "logins.key";
    }

    @Override
    public String debugSwitch() {
        return "--debug";
    }

    @Override
    public String toolName() {
        return "smoke";
    }
}
