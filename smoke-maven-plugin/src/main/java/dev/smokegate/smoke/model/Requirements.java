package dev.smokegate.smoke.model;

import java.util.List;
import java.util.Objects;

/**
 * What a scenario needs from the host ({@code requires.*} in the manifest), checked before its
 * workspace is prepared. An unmet requirement makes the scenario a {@link Status#SKIP}, classified
 * host.
 *
 * @param commands commands that must be on the {@code PATH}, each with an optional version floor
 * @param endpoints URLs ({@code https://host/health}) or {@code host:port} pairs that must be
 *     reachable
 * @param env environment variables that must be set and not empty
 * @param java the Java versions allowed, in Maven's version range syntax ({@code [17,)}), or {@code
 *     null} for any
 * @param os the {@code os.name} families allowed ({@code linux}, {@code mac}, {@code windows}, …);
 *     empty for any
 * @param freeDiskBytes the free space the work directory needs, in bytes, or {@code null} for no
 *     floor
 * @param location where the scenario's {@code requires} was given in the manifest, or {@code null}
 *     when it has none
 */
public record Requirements(
        List<CommandRequirement> commands,
        List<String> endpoints,
        List<String> env,
        String java,
        List<String> os,
        Long freeDiskBytes,
        Location location) {
    /** A scenario that requires nothing. */
    public static final Requirements NONE =
            new Requirements(List.of(), List.of(), List.of(), null, List.of(), null, null);

    /**
     * Copies the lists.
     *
     * @throws NullPointerException when a list is {@code null}
     * @throws IllegalArgumentException when {@code freeDiskBytes} is negative
     */
    public Requirements {
        commands = List.copyOf(commands);
        endpoints = List.copyOf(endpoints);
        env = List.copyOf(env);
        os = List.copyOf(os);
        if (freeDiskBytes != null && freeDiskBytes < 0) {
            throw new IllegalArgumentException("free disk is at least 0 bytes, got " + freeDiskBytes);
        }
    }

    /** @return true when nothing is required */
    public boolean isEmpty() {
        return commands.isEmpty()
                && endpoints.isEmpty()
                && env.isEmpty()
                && java == null
                && os.isEmpty()
                && freeDiskBytes == null;
    }

    /**
     * One required command, as written {@code git>=2.25} or {@code mvn}.
     *
     * @param name the command looked up on the {@code PATH}
     * @param minimumVersion the lowest version accepted, or {@code null} for any; compared with the
     *     first version-looking token of {@code <name> --version}
     */
    public record CommandRequirement(String name, String minimumVersion) {
        public CommandRequirement {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return minimumVersion == null ? name : name + ">=" + minimumVersion;
        }
    }
}
