package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.HostCheck;
import java.time.Duration;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;

/**
 * {@code requires.java}: the Java that runs the gate is in a Maven version range, as Maven Resolver's
 * {@link GenericVersionScheme} reads and compares them ({@code [17,)}, {@code [17,22)}).
 *
 * @param range the range as written
 */
record JavaCheck(String range) implements Check {
    @Override
    public String name() {
        return "java " + range;
    }

    @Override
    public String rule() {
        return "host.requires.java";
    }

    @Override
    public HostCheck run(Host host, Duration timeout) {
        GenericVersionScheme scheme = new GenericVersionScheme();
        try {
            boolean inRange =
                    scheme.parseVersionConstraint(range).containsVersion(scheme.parseVersion(host.javaVersion()));
            return inRange
                    ? pass("Java " + host.javaVersion())
                    : fail("Java " + host.javaVersion() + " is not in " + range);
        } catch (InvalidVersionSpecificationException e) {
            return fail("not a version range: " + e.getMessage());
        }
    }
}
