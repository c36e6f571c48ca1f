package dev.smokegate.smoke.probe;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The three log files of a probe step, as a run step has them: what a probe writes and where its
 * checks read.
 *
 * @param combined the request and response head, then the body: the step's {@code NN-name.log}
 * @param stdout the response body (or what a TCP peer sent) only, so that {@code expect.body.*} and
 *     {@code expect.json} read it
 * @param stderr the request and response head only
 */
public record ProbeLogs(Path combined, Path stdout, Path stderr) {
    /** @throws NullPointerException if a path is {@code null} */
    public ProbeLogs {
        Objects.requireNonNull(combined, "combined");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }
}
