package dev.smokegate.smoke.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The post-mortem of a service: the last lines of its log, added to a step's failure when the step
 * failed while the service ran, so that a probe's 500 is never reported without what the server said.
 *
 * @param service the service's name
 * @param log the service's combined log
 * @param lines its last lines (at most 20), oldest first, ANSI escapes stripped
 */
public record ServiceTail(String service, Path log, List<String> lines) {
    /** @throws NullPointerException when a component is {@code null} */
    public ServiceTail {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(log, "log");
        lines = List.copyOf(lines);
    }
}
