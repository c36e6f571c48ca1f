package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.login.SshSessions;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
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

    /** What JGit's upload-pack sends instead of its cause, and an http server's 500. */
    private static final Pattern SERVER_ERROR = Pattern.compile("(?i)internal server error");

    /** "file:///x: " or "https://host/x.git: " at the start of a JGit message. */
    private static final Pattern URL_PREFIX = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S*?:\\s+");

    /** MINA SSHD's connect failure: user@, host name, address, port, exception, message. */
    private static final Pattern SSH_CONNECT = Pattern.compile(
            "DefaultConnectFuture\\[(?:[^@\\]]*@)?([^\\]/]*)/?([^\\]]*?):(\\d+)]: Failed \\((\\w+)\\) to execute: (.*)",
            Pattern.DOTALL);

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
                where + ": " + describe(ref) + " is not a commit: " + Causes.message(e)
                        + ". Use a branch, a tag or a full 40-character commit SHA.",
                e);
    }

    /** The URL cannot be fetched: the cause, and a hint about logins for http or keys for ssh. */
    WorkspaceException unreachable(String url, String where, Exception e) {
        String cause = message(e);
        if (SERVER_ERROR.matcher(Causes.innermostMessage(e)).find()) {
            cause += " (the server gave no other cause; its own log has it)";
        }
        return new WorkspaceException(
                Reason.UNREACHABLE,
                where + ": the repository cannot be reached: " + cause + ". " + unreachableHint(url, e),
                e);
    }

    /**
     * A fetch failed: a repository on this machine that lacks objects of its own history is named as
     * such ({@link MissingObjects#ofLocal}); anything else cannot be reached.
     */
    WorkspaceException fetchFailed(String url, String where, Exception e) {
        return MissingObjects.ofLocal(url)
                .map(gap -> incomplete(where, gap, e))
                .orElseGet(() -> unreachable(url, where, e));
    }

    /** The repository lacks objects its history needs: a partial or shallow clone. */
    static WorkspaceException incomplete(String where, MissingObjects.Gap gap, Exception e) {
        return new WorkspaceException(
                Reason.INCOMPLETE_REPOSITORY,
                where + ": the repository lacks objects of its own history"
                        + (gap.kind() == null ? "" : " (it is " + gap.kind() + ")") + ": " + gap.missing()
                        + ". Serve a full clone: run git fetch --refetch (a partial clone) or git fetch --unshallow"
                        + " (a shallow clone) in it, or clone its origin again with git clone --no-filter.",
                e);
    }

    /** Offline, and the mirror is damaged: which folder to delete. */
    WorkspaceException corruptOffline(String where, Path mirror, String damage, Exception e) {
        String offline = settings.frontEnd().offlineSwitch();
        return new WorkspaceException(
                Reason.CACHE_CORRUPT,
                where + ": the cached mirror " + mirror + " is corrupt: " + damage + ". Delete the folder " + mirror
                        + " and run the build once without " + offline + " to fetch a fresh one.",
                e);
    }

    /** The fresh mirror fetched after moving a damaged one aside is damaged too: reported, not fetched again. */
    static WorkspaceException corruptAgain(String where, Path mirror, Path aside, String damage, Exception e) {
        return new WorkspaceException(
                Reason.CACHE_CORRUPT,
                where + ": the cached mirror " + mirror + " is corrupt again right after a fresh fetch: " + damage
                        + ". Check the disk of the clone cache (free space, file system errors); the first corrupt"
                        + " copy is at " + aside + ".",
                e);
    }

    /** The clone failed again after the damaged mirror was moved aside: that failure, saying so. */
    static WorkspaceException afterMoveAside(WorkspaceException again, Path aside) {
        return new WorkspaceException(
                again.reason(),
                again.getMessage() + " (The corrupt mirror was moved aside to " + aside + " first.)",
                again.getCause() == null ? again : again.getCause());
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
     * Apache MINA SSHD's connect failure, {@code DefaultConnectFuture[git@/127.0.0.1:1]: Failed
     * (ConnectException) to execute: Connection refused}, in the user's terms: {@code ssh to
     * 127.0.0.1 port 1: Connection refused}, or {@code ssh: unknown host example (port 22)} when
     * the name did not resolve ({@code UnresolvedAddressException}, which has no message).
     */
    static String sshConnect(String text) {
        Matcher connect = SSH_CONNECT.matcher(text);
        if (!connect.find()) {
            return text;
        }
        String host = connect.group(1).isEmpty() ? connect.group(2) : connect.group(1);
        String port = connect.group(3);
        String said = connect.group(4).equals("UnresolvedAddressException")
                ? "ssh: unknown host " + host + " (port " + port + ")"
                : "ssh to " + host + " port " + port + ": " + connect.group(5);
        return text.substring(0, connect.start()) + said;
    }

    /**
     * The messages of an exception and its causes, without repeats, URL prefixes or final periods:
     * JGit nests the useful part ("Invalid remote: origin" around "file:///x: not found."). At most
     * four parts: the first three and the innermost cause ({@link Causes#innermost}), which is always
     * there.
     */
    static String message(Throwable e) {
        Set<String> parts = new LinkedHashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof InvalidRemoteException && t.getCause() != null) {
                continue; // its message only names the remote
            }
            if (t.getMessage() == null && t.getCause() != null) {
                continue; // a wrapper with nothing to say (UploadPackInternalServerErrorException)
            }
            String text = t.getMessage() == null
                    ? t.getClass().getSimpleName()
                    : t.getMessage().strip();
            if (t instanceof UnknownHostException) {
                text = "unknown host " + text;
            }
            if (t instanceof UnresolvedAddressException && t.getMessage() == null) {
                text = "unknown host"; // said in full by the ssh part before it (sshConnect)
            }
            text = URL_PREFIX.matcher(text).replaceFirst("");
            text = sshConnect(text);
            while (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
            String part = text;
            if (!part.isEmpty() && parts.stream().noneMatch(p -> p.contains(part))) {
                parts.removeIf(part::contains);
                parts.add(part);
            }
        }
        List<String> all = new ArrayList<>(parts);
        if (all.size() > 4) {
            all = new ArrayList<>(all.subList(0, 3));
            all.add(new ArrayList<>(parts).get(parts.size() - 1));
        }
        return String.join(": ", all);
    }
}
