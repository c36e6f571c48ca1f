package dev.smokegate.smoke.model;

/**
 * The words of the front end that started the gate (the Maven plugin today; a CLI or a Gradle plugin
 * could be others), so the Maven-free packages can tell a user what to set without knowing how it is
 * set. This is the role Jib's {@code HelpfulSuggestions} plays between {@code jib-core} and its
 * plugins. The Maven plugin's words are {@code -Dsmoke.ref}, {@code -o} and {@code settings.xml}.
 */
public interface FrontEnd {

    /** A gate setting that messages name. */
    enum Setting {
        /** The manifest file. */
        MANIFEST,
        /** Skipping the whole gate. */
        SKIP,
        /** Selection by owner task IDs. */
        TASK,
        /** Selection by scenario name globs. */
        SCENARIO,
        /** The URL every checkout scenario clones instead. */
        REPO_URL,
        /** The ref cloned with {@link #REPO_URL}. */
        REF,
        /** Where ssh clones read keys, {@code known_hosts} and {@code config}. */
        SSH_DIRECTORY,
        /** The grow-only check of the manifest against its git history. */
        RATCHET,
        /** Update mode: golden files that did not match are rewritten from the output. */
        UPDATE,
        /** The one shard of the selected scenarios to run, {@code K/N}. */
        SHARD,
        /** Where scenario folders and reports are written. */
        WORK_DIRECTORY,
        /** The file of recorded durations that balances the shards. */
        TIMINGS,
        /** The shards' report folders that {@code smoke:merge} combines. */
        MERGE_INPUTS
    }

    /**
     * How a user sets a setting, as a message should name it.
     *
     * @param setting the setting
     * @return for example {@code -Dsmoke.ref}
     */
    String setting(Setting setting);

    /**
     * How a user turns offline mode on, as a message should name it.
     *
     * @return for example {@code -o}
     */
    String offlineSwitch();

    /**
     * The file where logins for private repositories are kept, as a message should name it.
     *
     * @return for example {@code settings.xml}
     */
    String loginFile();

    /**
     * One login entry in {@link #loginFile()}, as a message names it.
     *
     * @return for example {@code <server>}
     */
    String loginEntry();

    /**
     * The file that holds the key of encrypted passwords in {@link #loginFile()}, as a message names it.
     *
     * @return for example {@code settings-security.xml}
     */
    String loginKeyFile();

    /**
     * How a user turns debug output on, as a message should name it.
     *
     * @return for example {@code -X}
     */
    String debugSwitch();

    /**
     * The name of the tool that runs the gate, as a message names it when it speaks of that tool.
     *
     * @return for example {@code Maven}
     */
    String toolName();
}
