package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.login.SettingsLogins;
import dev.smokegate.smoke.model.FrontEnd;
import java.nio.file.Path;

/**
 * What the clones of one {@link CloneCache} may use, and the words their messages use.
 *
 * @param offline never use the network
 * @param sshDirectory where ssh reads keys, {@code known_hosts} and {@code config}, absolute; {@code
 *     null} for {@code ~/.ssh}
 * @param logins the logins for {@code http(s)://} URLs
 * @param frontEnd the front end's words: offline switch, ssh directory setting, login file
 */
record CloneSettings(boolean offline, Path sshDirectory, SettingsLogins logins, FrontEnd frontEnd) {}
