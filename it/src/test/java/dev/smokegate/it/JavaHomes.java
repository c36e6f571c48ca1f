package dev.smokegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds an installed JDK by its feature version, the way Debian's {@code update-java-alternatives
 * --list} does: each {@code /usr/lib/jvm/.<name>.jinfo} registers the JDK {@code /usr/lib/jvm/<name>}.
 * A JDK unpacked there without a {@code .jinfo} (the Temurin 25 of the machine image is one) is found
 * by its {@code release} file instead. The version is read from the JDK's {@code release} file
 * ({@code JAVA_VERSION="25.0.3"}).
 */
final class JavaHomes {
    /** Where Debian installs JDKs. */
    static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");

    private static final Pattern FEATURE = Pattern.compile("^\"?(?:1\\.)?(\\d+)");

    private JavaHomes() {}

    /**
     * @param feature a Java feature version such as {@code 25}
     * @param jvms the folder of installed JDKs, usually {@link #JVM_DIRECTORY}
     * @return the JDK's home: registered ones ({@code .jinfo}) first, then unregistered ones, by name
     * @throws IllegalStateException when none has that version, naming the folder and what it holds
     */
    static Path find(int feature, Path jvms) {
        List<Path> candidates = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        try (Stream<Path> entries = Files.list(jvms)) {
            List<Path> sorted = entries.sorted().toList();
            for (Path entry : sorted) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".jinfo")) {
                    candidates.add(jvms.resolve(name.substring(1, name.length() - ".jinfo".length())));
                }
            }
            for (Path entry : sorted) {
                if (!entry.getFileName().toString().startsWith(".") && !candidates.contains(entry)) {
                    candidates.add(entry);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("No JDK " + feature + " [" + jvms + "]: cannot list the folder: " + e, e);
        }
        for (Path home : candidates) {
            Optional<Integer> version = feature(home);
            version.ifPresent(found -> seen.add(home));
            if (version.isPresent() && version.get() == feature && Files.isExecutable(home.resolve("bin/java"))) {
                return home.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("No JDK " + feature + " [" + jvms + "]: the JDKs there are " + seen
                + ". Install one (Debian: temurin-" + feature + "-jdk), or leave smoke.it.jdk unset.");
    }

    /** The feature version in {@code home/release}; empty when there is no such file. */
    private static Optional<Integer> feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read [" + release + "]", e);
        }
        Matcher matcher = FEATURE.matcher(properties.getProperty("JAVA_VERSION", ""));
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
