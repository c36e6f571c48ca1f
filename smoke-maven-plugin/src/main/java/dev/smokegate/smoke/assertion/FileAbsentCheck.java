package dev.smokegate.smoke.assertion;

/**
 * No path under the working directory matches a glob (same matching as {@link FileExistsCheck}).
 * A walk that gives up before it has seen everything fails: absence was not shown.
 *
 * <p>Fails with {@code found target/a.tmp, target/b.tmp, target/c.tmp and 2 more} (the
 * alphabetically first matches); passes with {@code no match}. Reads as {@code no file matches
 * '**}{@code /*.orig'} in {@code -X} output.
 */
public final class FileAbsentCheck extends GlobCheck {

    /** Matches named in a failure, at most. */
    private static final int SHOWN = 3;

    /** @param glob the glob, such as {@code **}{@code /*.orig} */
    public FileAbsentCheck(String glob) {
        super(glob);
    }

    @Override
    String expectation() {
        return "expected no file matching " + Texts.quote(glob());
    }

    @Override
    long stopAfter() {
        return Long.MAX_VALUE;
    }

    @Override
    int keep() {
        return SHOWN;
    }

    @Override
    CheckResult judge(String expectation, GlobWalk.Found found, StepOutput output) {
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
        return "no file matches " + Texts.quote(glob());
    }
}
