package dev.smokegate.smoke.model;

import java.util.List;
import java.util.Objects;

/** What a step does. */
public sealed interface Action permits Action.Run, Action.Patch, Action.Export {

    /**
     * Runs a command. Exactly one of {@code shell} and {@code args} is set.
     *
     * @param shell a command line for {@code sh -c}, or {@code null}
     * @param args an argument vector run without a shell, or {@code null}
     */
    record Run(String shell, List<String> args) implements Action {
        public Run {
            if ((shell == null) == (args == null)) {
                throw new IllegalArgumentException("exactly one of shell and args must be set");
            }
            args = args == null ? null : List.copyOf(args);
        }
    }

    /**
     * Applies a unified diff to the workspace with JGit.
     *
     * @param file the patch file as written in the manifest, relative to the manifest's folder
     */
    record Patch(String file) implements Action {
        public Patch {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * Copies files out of the workspace and writes its diff against the source commit, under the
     * scenario's export folder.
     *
     * @param diff the name of the diff file to write, or {@code null} for none
     * @param files globs, relative to the workspace root, of files to copy
     */
    record Export(String diff, List<String> files) implements Action {
        public Export {
            files = List.copyOf(files);
        }
    }
}
