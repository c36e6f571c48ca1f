/**
 * The logins of remote clones. Plain Java: it imports only {@code model}, JGit and the JDK; the
 * front end's words (its login file, its ssh directory setting) come in as a {@link
 * dev.smokegate.smoke.model.FrontEnd}.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.login.SettingsLogins}: the username and password for an {@code
 *       http(s)://} URL, found by host among the front end's servers, and the hint when one fails.
 *   <li>{@link dev.smokegate.smoke.login.SshSessions}: the ssh client of a fetch, reading keys from
 *       the ssh directory and never prompting, and the hint when it fails.
 *   <li>{@link dev.smokegate.smoke.login.CloneUrls}: what makes a clone URL unusable (empty, a
 *       space, an unknown scheme, a bad port), found before a fetch.
 *   <li>{@link dev.smokegate.smoke.login.UrlLogin}: a clone URL's password split off, so the cache
 *       stores the URL without it and JGit gets it as a login.
 * </ul>
 */
package dev.smokegate.smoke.login;
