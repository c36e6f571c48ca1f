package dev.smokegate.smoke.preflight;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;

/**
 * Reads a version out of a command's {@code --version} output and compares versions as Maven
 * Resolver's {@link GenericVersionScheme} does ({@code 2.9 < 2.10}, {@code 2.25 = 2.25.0}).
 */
final class Versions {
    /**
     * A version-looking token: digits and dots with at least one dot ({@code 2.39.5}, {@code v18.19.0}
     * reads as {@code 18.19.0}), not part of a longer dotted token; a date such as {@code 2025-04-15}
     * has no dot and does not count.
     */
    private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)+(?![\\d])");

    private Versions() {}

    /**
     * @param output what {@code <command> --version} printed
     * @return the first dotted version token; empty when there is none. A number without a dot is
     *     not taken: it is too often something else, as in dash's {@code sh: 0: Illegal option --}.
     */
    static Optional<String> firstVersion(String output) {
        Matcher dotted = DOTTED.matcher(output);
        return dotted.find() ? Optional.of(dotted.group()) : Optional.empty();
    }

    /**
     * @param found the version seen
     * @param minimum the lowest version accepted
     * @return whether {@code found} is {@code minimum} or later
     */
    static boolean atLeast(String found, String minimum) {
        GenericVersionScheme scheme = new GenericVersionScheme();
        try {
            return scheme.parseVersion(found).compareTo(scheme.parseVersion(minimum)) >= 0;
        } catch (InvalidVersionSpecificationException e) {
            // GenericVersionScheme accepts every string as a version; kept for its checked signature.
            return false;
        }
    }
}
