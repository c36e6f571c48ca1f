package dev.smokegate.smoke.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The operating system families {@code requires.os} may name, each matched against the JVM's {@code
 * os.name} system property as OpenJDK sets it ({@code Linux}, {@code Mac OS X}, {@code Windows 11},
 * {@code FreeBSD}, {@code SunOS}, {@code AIX}, …), ignoring case.
 */
public enum OsFamily {
    /** {@code os.name} starts with {@code linux}. */
    LINUX("linux"),
    /** {@code os.name} starts with {@code mac} or contains {@code darwin}. */
    MAC("mac"),
    /** {@code os.name} starts with {@code windows}. */
    WINDOWS("windows"),
    /** {@code os.name} starts with {@code freebsd}. */
    FREEBSD("freebsd"),
    /** {@code os.name} starts with {@code openbsd}. */
    OPENBSD("openbsd"),
    /** {@code os.name} starts with {@code netbsd}. */
    NETBSD("netbsd"),
    /** {@code os.name} starts with {@code sunos} or {@code solaris}. */
    SOLARIS("solaris"),
    /** {@code os.name} starts with {@code aix}. */
    AIX("aix"),
    /** Any of linux, mac, the BSDs, solaris, aix, or an {@code os.name} that contains {@code unix} or {@code hp-ux}. */
    UNIX("unix");

    private final String label;

    OsFamily(String label) {
        this.label = label;
    }

    /** @return the name the manifest uses, e.g. {@code linux} */
    public String label() {
        return label;
    }

    /**
     * @param label a name as written in the manifest, e.g. {@code mac}
     * @return the family; empty when no family has that name (names are lower case)
     */
    public static Optional<OsFamily> of(String label) {
        return Arrays.stream(values())
                .filter(family -> family.label.equals(label))
                .findFirst();
    }

    /**
     * @param osName the value of {@code os.name}
     * @return whether an OS of that name belongs to this family
     */
    public boolean matches(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        return switch (this) {
            case LINUX -> name.startsWith("linux");
            case MAC -> name.startsWith("mac") || name.contains("darwin");
            case WINDOWS -> name.startsWith("windows");
            case FREEBSD -> name.startsWith("freebsd");
            case OPENBSD -> name.startsWith("openbsd");
            case NETBSD -> name.startsWith("netbsd");
            case SOLARIS -> name.startsWith("sunos") || name.startsWith("solaris");
            case AIX -> name.startsWith("aix");
            case UNIX -> name.contains("unix")
                    || name.startsWith("hp-ux")
                    || Arrays.stream(values())
                            .filter(family -> family != UNIX && family != WINDOWS)
                            .anyMatch(family -> family.matches(osName));
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
