package dev.smokegate.smoke.model;

import java.util.Objects;

/** Where a scenario's sandbox comes from: a local checkout or a clean clone of a URL. */
public sealed interface Source permits Source.Checkout, Source.Clone {

    /**
     * A copy of a local git checkout: the files of the index with their working-tree content, plus
     * untracked files that are not ignored when {@code untracked} is {@link UntrackedMode#INCLUDE}.
     *
     * @param path the checkout folder as written in the manifest (may hold placeholders);
     *     {@code "."} means the project's own checkout
     * @param untracked what to do with untracked, non-ignored files
     */
    record Checkout(String path, UntrackedMode untracked) implements Source {
        public Checkout {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(untracked, "untracked");
        }
    }

    /**
     * A clean JGit clone.
     *
     * @param url a {@code file://}, {@code http(s)://} or {@code ssh://} URL (may hold placeholders)
     * @param ref a branch, tag or full commit SHA; {@code null} means the remote's HEAD
     */
    record Clone(String url, String ref) implements Source {
        public Clone {
            Objects.requireNonNull(url, "url");
        }
    }
}
