package dev.smokegate.smoke.assertion;

/**
 * One expectation of a step. The set of kinds is closed: one class each.
 *
 * <p>{@link #evaluate} never throws for what a step can get wrong: a missing or unreadable file,
 * a log that is not JSON, an invalid regular expression all give a failed {@link CheckResult} that
 * names the path or value.
 */
public sealed interface Check
        permits ExitCodeCheck,
                LiteralCheck,
                MatchesCheck,
                GlobCheck,
                FileContainsCheck,
                GoldenCheck,
                JsonPointerCheck,
                StatusCheck,
                HeaderContainsCheck,
                NoLeftoverProcessesCheck {

    /**
     * Evaluates this check against what a step left behind.
     *
     * @param output the step's working directory, logs, exit code, HTTP response head and leftover
     *     processes
     * @return the verdict, with the words for a report
     */
    CheckResult evaluate(StepOutput output);

    /** The check as a short sentence for {@code -X} output, such as {@code stdout contains 'BUILD SUCCESS'}. */
    @Override
    String toString();
}
