package dev.smokegate.smoke.assertion;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;

/**
 * No path under the working directory matches a glob (same matching as {@link FileExistsCheck}).
 * A walk that gives up before it has seen everything fails: absence was not shown.
 */
public final class FileAbsentCheck implements Check {

    /** Matches named in a failure, at most. */
    private static final int SHOWN = 3;

    private final String glob;

    /** @param glob the glob, such as {@code **}{@code /*.orig} */
    public FileAbsentCheck(String glob) {
        this.glob = Objects.requireNonNull(glob, "glob");
    }

    /** The glob, as given. */
    public String glob() {
        return glob;
    }

    /**
     * Fails with {@code found target/a.tmp, target/b.tmp, target/c.tmp and 2 more} (the
     * alphabetically first matches); passes with {@code no match}.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        String expectation = "expected no file matching " + Texts.quote(glob);
        if (!Files.isDirectory(output.workDir())) {
            return CheckResult.fail(expectation, "working directory " + output.workDir() + " does not exist", null);
        }
        GlobWalk.Found found;
        try {
            found = new GlobWalk(glob).find(output.workDir(), Long.MAX_VALUE, SHOWN);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(expectation, e.getMessage(), null);
        } catch (IOException e) {
            return CheckResult.fail(
                    expectation, FileProbe.describe(e, output.workDir().toString()), null);
        }
        if (found.count() > 0) {
            long rest = found.count() - found.first().size();
            String more = rest == 0 ? "" : " and " + Texts.number(rest) + " more";
            return CheckResult.fail(expectation, "found " + String.join(", ", found.first()) + more, null);
        }
        if (found.exhausted()) {
            return CheckResult.fail(
                    expectation,
                    "no match in the first " + Texts.number(GlobWalk.MAX_ENTRIES)
                            + " entries, the rest was not searched",
                    null);
        }
        return CheckResult.pass(expectation, "no match", null);
    }

    @Override
    public String toString() {
        return "no file matches " + Texts.quote(glob);
    }
}
