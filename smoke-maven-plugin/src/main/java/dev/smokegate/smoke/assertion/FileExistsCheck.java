package dev.smokegate.smoke.assertion;

/**
 * At least one path under the working directory matches a glob ({@link
 * java.nio.file.FileSystem#getPathMatcher(String) glob syntax}, relative to the working directory).
 * Files, folders and symbolic links count; links are not followed and {@code .git} is skipped. See
 * {@link GlobWalk} for how far the walk goes.
 *
 * <p>Passes with {@code found target/app.jar}. Fails with {@code no match; target/ holds classes/,
 * app.war and 3 more}: the deepest existing folder of the glob's literal part, and a few of its
 * entries. Reads as {@code a file matches 'target/*.jar'} in {@code -X} output.
 */
public final class FileExistsCheck extends GlobCheck {

    /** @param glob the glob, such as {@code target/*.jar} */
    public FileExistsCheck(String glob) {
        super(glob);
    }

    @Override
    String expectation() {
        return "expected a file matching " + Texts.quote(glob());
    }

    @Override
    long stopAfter() {
        return 1;
    }

    @Override
    int keep() {
        return 1;
    }

    @Override
    CheckResult judge(String expectation, GlobWalk.Found found, StepOutput output) {
        if (found.count() > 0) {
            return CheckResult.pass(expectation, "found " + found.first().get(0), null);
        }
        String seen = found.exhausted()
                ? "no match in the first " + Texts.number(GlobWalk.MAX_ENTRIES) + " entries"
                : "no match";
        String nearby = FileProbe.nearby(output.workDir(), glob());
        return CheckResult.fail(expectation, nearby == null ? seen : seen + "; " + nearby, null);
    }

    @Override
    public String toString() {
        return "a file matches " + Texts.quote(glob());
    }
}
