package dev.smokegate.smoke.assertion;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;

/**
 * At least one path under the working directory matches a glob ({@link
 * java.nio.file.FileSystem#getPathMatcher(String) glob syntax}, relative to the working directory).
 * Files, folders and symbolic links count; links are not followed and {@code .git} is skipped. See
 * {@link GlobWalk} for how far the walk goes.
 */
public final class FileExistsCheck implements Check {

    private final String glob;

    /** @param glob the glob, such as {@code target/*.jar} */
    public FileExistsCheck(String glob) {
        this.glob = Objects.requireNonNull(glob, "glob");
    }

    /** The glob, as given. */
    public String glob() {
        return glob;
    }

    /**
     * Passes with {@code found target/app.jar}. Fails with {@code no match; target/ holds
     * classes/, app.war and 3 more}: the deepest existing folder of the glob's literal part, and a
     * few of its entries.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        String expectation = "expected a file matching " + Texts.quote(glob);
        if (!Files.isDirectory(output.workDir())) {
            return CheckResult.fail(expectation, "working directory " + output.workDir() + " does not exist", null);
        }
        GlobWalk.Found found;
        try {
            found = new GlobWalk(glob).find(output.workDir(), 1, 1);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(expectation, e.getMessage(), null);
        } catch (IOException e) {
            return CheckResult.fail(
                    expectation, FileProbe.describe(e, output.workDir().toString()), null);
        }
        if (found.count() > 0) {
            return CheckResult.pass(expectation, "found " + found.first().get(0), null);
        }
        String seen = found.exhausted()
                ? "no match in the first " + Texts.number(GlobWalk.MAX_ENTRIES) + " entries"
                : "no match";
        String nearby = FileProbe.nearby(output.workDir(), glob);
        return CheckResult.fail(expectation, nearby == null ? seen : seen + "; " + nearby, null);
    }

    @Override
    public String toString() {
        return "a file matches " + Texts.quote(glob);
    }
}
