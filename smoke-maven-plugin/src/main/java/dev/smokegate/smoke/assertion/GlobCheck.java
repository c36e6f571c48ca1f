package dev.smokegate.smoke.assertion;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;

/**
 * The shared part of {@link FileExistsCheck} and {@link FileAbsentCheck}: a walk of the working
 * directory for paths matching a glob ({@link java.nio.file.FileSystem#getPathMatcher(String) glob
 * syntax}, relative to the working directory). Files, folders and symbolic links count; links are
 * not followed and {@code .git} is skipped. See {@link GlobWalk} for how far the walk goes. A missing
 * working directory, a bad glob or a walk that fails fails either check.
 */
abstract sealed class GlobCheck implements Check permits FileExistsCheck, FileAbsentCheck {

    private final String glob;

    /** @param glob the glob, such as {@code target/*.jar} */
    GlobCheck(String glob) {
        this.glob = Objects.requireNonNull(glob, "glob");
    }

    /** The glob, as given. */
    String glob() {
        return glob;
    }

    @Override
    public final CheckResult evaluate(StepOutput output) {
        String expectation = expectation();
        if (!Files.isDirectory(output.workDir())) {
            return CheckResult.fail(expectation, "working directory " + output.workDir() + " does not exist", null);
        }
        GlobWalk.Found found;
        try {
            found = new GlobWalk(glob).find(output.workDir(), stopAfter(), keep());
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(expectation, e.getMessage(), null);
        } catch (IOException e) {
            return CheckResult.fail(
                    expectation, FileProbe.describe(e, output.workDir().toString()), null);
        }
        return judge(expectation, found, output);
    }

    /** What is expected, as in {@code expected a file matching 'target/*.jar'}. */
    abstract String expectation();

    /** Matches after which the walk may stop. */
    abstract long stopAfter();

    /** Matches the walk keeps, alphabetically first, to name them. */
    abstract int keep();

    /**
     * The verdict on a walk that went well.
     *
     * @param expectation from {@link #expectation()}
     * @param found what the walk found
     * @param output the step's output, for its working directory
     * @return the verdict
     */
    abstract CheckResult judge(String expectation, GlobWalk.Found found, StepOutput output);
}
