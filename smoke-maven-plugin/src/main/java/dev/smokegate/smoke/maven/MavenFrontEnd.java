package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.model.FrontEnd;

/**
 * The Maven plugin's words for the engine's messages: parameters are user properties
 * ({@code -Dsmoke.<name>}), offline mode is {@code mvn -o}, and logins come from {@code <server>}s
 * in {@code settings.xml}.
 */
public enum MavenFrontEnd implements FrontEnd {
    /** The one instance. */
    INSTANCE;

    @Override
    public String setting(Setting setting) {
        return "-D" + property(setting);
    }

    /**
     * The user property of a setting, as the mojos declare it.
     *
     * @param setting the setting
     * @return for example {@code smoke.repoUrl}
     */
    public static String property(Setting setting) {
        return switch (setting) {
            case MANIFEST -> "smoke.manifest";
            case SKIP -> "smoke.skip";
            case TASK -> "smoke.task";
            case SCENARIO -> "smoke.scenario";
            case REPO_URL -> "smoke.repoUrl";
            case REF -> "smoke.ref";
            case SSH_DIRECTORY -> "smoke.sshDirectory";
            case RATCHET -> "smoke.ratchet";
            case UPDATE -> "smoke.update";
            case SHARD -> "smoke.shard";
            case TIMINGS -> "smoke.timings";
            case WORK_DIRECTORY -> "smoke.workDirectory";
            case MERGE_INPUTS -> "smoke.merge.inputs";
        };
    }

    @Override
    public String offlineSwitch() {
        return "-o";
    }

    @Override
    public String loginFile() {
        return "settings.xml";
    }

    @Override
    public String loginEntry() {
        return "<server>";
    }

    @Override
    public String loginKeyFile() {
        return "settings-security.xml";
    }

    @Override
    public String debugSwitch() {
        return "-X";
    }

    @Override
    public String toolName() {
        return "Maven";
    }

    @Override
    public String toString() {
        return "MavenFrontEnd[-Dsmoke.<name>, -o, settings.xml]";
    }
}
