package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Action;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a step does, as messages name it: the kind decides which {@code expect} keys and step keys
 * apply. A {@code run} step is written with {@code run} or {@code args}; a {@code service} step with a
 * {@code service} table.
 */
enum StepKind {
    RUN("a run"),
    PATCH("a patch"),
    EXPORT("an export"),
    SERVICE("a service"),
    HTTP("an http"),
    TCP("a tcp"),
    STOP("a stop");

    private final String withArticle;

    StepKind(String withArticle) {
        this.withArticle = withArticle;
    }

    /** @return the kind of {@code action} */
    static StepKind of(Action action) {
        if (action instanceof Action.Run) {
            return RUN;
        }
        if (action instanceof Action.Patch) {
            return PATCH;
        }
        if (action instanceof Action.Export) {
            return EXPORT;
        }
        if (action instanceof Action.Serve) {
            return SERVICE;
        }
        if (action instanceof Action.Http) {
            return HTTP;
        }
        return action instanceof Action.Tcp ? TCP : STOP;
    }

    /** @return the kind as the manifest and messages write it: {@code run}, {@code http}, … */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the kind with its article, as in "this is an http step" */
    String withArticle() {
        return withArticle;
    }

    /** @return the kinds as a message lists them: {@code run and stop}, {@code run, patch and export} */
    static String list(List<StepKind> kinds) {
        List<String> words = kinds.stream().map(StepKind::word).toList();
        if (words.size() == 1) {
            return words.get(0);
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
                + words.get(words.size() - 1);
    }
}
