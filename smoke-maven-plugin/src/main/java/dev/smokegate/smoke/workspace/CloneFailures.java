package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.login.SshSessions;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * The messages of a failed clone, each {@code clone [<url>]: <what failed>. <what to do>.}, with the
 * front end's words for offline mode, the ssh directory and the login file.
 */
final class CloneFailures {

    private static final int LISTED_REFS = 10;

    /** "file:///x: " or "https://host/x.git: " at the start of a JGit message. */
    private static final Pattern URL_PREFIX = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S*?:\\s+");

    private final CloneSettings settings;

    /** @param settings the words for offline mode and the ssh directory, the http logins */
    CloneFailures(CloneSettings settings) {
        this.settings = settings;
    }

    /** Offline and the URL has no mirror yet. */
    WorkspaceException offlineWithoutMirror(String where, Path mirror) {
        return offline(where, "the clone cache has no mirror of it at " + mirror, "fill the cache");
    }

    /** Offline and the mirror lacks the wanted ref. */
    WorkspaceException offlineWithoutRef(String where, Path mirror, String ref) {
        return offline(where, "the cached mirror " + mirror + " has no " + describe(ref), "fetch it");
    }

    private WorkspaceException offline(String where, String missing, String purpose) {
        String offline = settings.frontEnd().offlineSwitch();
        return new WorkspaceException(
                Reason.OFFLINE_NOT_CACHED,
                where + ": offline (" + offline + ") and " + missing + ". Run the build once without " + offline
                        + " to " + purpose + ".");
    }

    /** The ref is not in the mirror: names the branches and tags there are. */
    static WorkspaceException notFound(Repository repository, String ref, String where) {
        if (ref == null) {
            return new WorkspaceException(
                    Reason.REF_NOT_FOUND,
                    where + ": the repository has no default branch (HEAD)" + available(repository)
                            + ". Set the scenario's ref to one of them.");
        }
        return new WorkspaceException(
                Reason.REF_NOT_FOUND,
                where + ": no branch, tag or commit '" + ref + "'" + available(repository)
                        + ". Use one of them or a full 40-character commit SHA.");
    }

    /** The ref names something that is not a commit. */
    static WorkspaceException notACommit(String where, String ref, Exception e) {
        return new WorkspaceException(
                Reason.REF_NOT_FOUND,
                where + ": " + describe(ref) + " is not a commit: " + e.getMessage()
                        + ". Use a branch, a tag or a full 40-character commit SHA.",
                e);
    }

    /** The URL cannot be fetched: the cause, and a hint about logins for http or keys for ssh. */
    WorkspaceException unreachable(String url, String where, Exception e) {
        return new WorkspaceException(
                Reason.UNREACHABLE,
                where + ": the repository cannot be reached: " + message(e) + ". " + unreachableHint(url, e),
                e);
    }

    /**
     * What to do when a URL cannot be reached: check the URL, the network and the credentials (for a
     * transport failure) or that a repository is there, then the http login or ssh key hint.
     *
     * @param url the URL
     * @param e what the fetch or {@code ls-remote} threw
     * @return one or more sentences, each ending with a period
     */
    String unreachableHint(String url, Exception e) {
        String hint = e instanceof TransportException || e instanceof InvalidRemoteException
                ? "Check the URL, the network and your credentials."
                : "Check the URL and that a git repository is there.";
        String login = settings.logins().hint(url);
        if (login != null) {
            hint += " " + login;
        } else if (SshSessions.isSsh(url)) {
            hint += " " + SshSessions.hint(settings.sshDirectory(), settings.frontEnd());
        }
        return hint;
    }

    /** The mirror cannot be read or written. */
    static WorkspaceException cacheFailure(Path mirror, String where, IOException e) {
        return new WorkspaceException(
                Reason.IO,
                where + ": cannot use the cached mirror " + mirror + ": " + message(e)
                        + ". Delete it to have it cloned again, and check free disk space and permissions.",
                e);
    }

    /** The workspace cannot be made from the mirror. */
    static WorkspaceException cloneFailure(String where, Path mirror, Path workspace, Exception e) {
        return new WorkspaceException(
                Reason.IO,
                where + ": cannot clone the cached mirror " + mirror + " into " + workspace + ": " + message(e)
                        + ". Check free disk space and permissions.",
                e);
    }

    /** "; branches: a, b; tags: v1" with at most 10 of each, or "" when the repository has none. */
    private static String available(Repository repository) {
        try {
            String branches = names(repository, Constants.R_HEADS);
            String tags = names(repository, Constants.R_TAGS);
            return (branches.isEmpty() ? "" : "; branches: " + branches) + (tags.isEmpty() ? "" : "; tags: " + tags);
        } catch (IOException e) {
            return "";
        }
    }

    private static String names(Repository repository, String prefix) throws IOException {
        List<Ref> refs = repository.getRefDatabase().getRefsByPrefix(prefix);
        List<String> names = refs.stream()
                .map(r -> r.getName().substring(prefix.length()))
                .sorted()
                .toList();
        return names.stream().limit(LISTED_REFS).collect(Collectors.joining(", "))
                + (names.size() > LISTED_REFS ? " (and " + (names.size() - LISTED_REFS) + " more)" : "");
    }

    private static String describe(String ref) {
        if (ref == null) {
            return "default branch (HEAD)";
        }
        return RefResolver.isFullSha(ref) ? "commit " + ref : "branch or tag '" + ref + "'";
    }

    /**
     * The messages of an exception and its causes, without repeats, URL prefixes or final periods:
     * JGit nests the useful part ("Invalid remote: origin" around "file:///x: not found.").
     */
    static String message(Throwable e) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidRemoteException && t.getCause() != null) {
                continue; // its message only names the remote
            }
            String text = t.getMessage() == null
                    ? t.getClass().getSimpleName()
                    : t.getMessage().strip();
            if (t instanceof UnknownHostException) {
                text = "unknown host " + text;
            }
            text = URL_PREFIX.matcher(text).replaceFirst("");
            while (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
            String part = text;
            if (!part.isEmpty() && parts.stream().noneMatch(p -> p.contains(part))) {
                parts.removeIf(part::contains);
                parts.add(part);
            }
        }
        return String.join(": ", new ArrayList<>(parts));
    }
}
