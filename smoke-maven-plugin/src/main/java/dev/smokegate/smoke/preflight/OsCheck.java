package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.OsFamily;
import java.time.Duration;
import java.util.List;

/**
 * {@code requires.os}: {@code os.name} belongs to one of the families, as {@link OsFamily} matches
 * them.
 *
 * @param families the family names as written, e.g. {@code [linux, mac]}
 */
record OsCheck(List<String> families) implements Check {
    OsCheck {
        families = List.copyOf(families);
    }

    @Override
    public String name() {
        return "os " + String.join(", ", families);
    }

    @Override
    public String rule() {
        return "host.requires.os";
    }

    @Override
    public HostCheck run(Host host, Duration timeout) {
        boolean matches = families.stream()
                .map(OsFamily::of)
                .anyMatch(family -> family.isPresent() && family.get().matches(host.osName()));
        return matches
                ? pass(host.osName())
                : fail(host.osName() + " is not " + (families.size() == 1 ? "" : "one of ")
                        + String.join(", ", families));
    }
}
