package dev.smokegate.smoke.preflight;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The facts of the host that checks read.
 *
 * @param environment the environment: {@code PATH} for commands, variables for {@code requires.env}
 * @param workDirectory the gate's work directory, for the free disk
 * @param javaVersion the running Java's version, e.g. {@code 17.0.15}
 * @param osName the value of {@code os.name}, e.g. {@code Linux}
 */
record Host(Map<String, String> environment, Path workDirectory, String javaVersion, String osName) {
    Host {
        environment = Map.copyOf(environment);
        workDirectory = workDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(osName, "osName");
    }

    /**
     * @return this JVM's host: {@link Runtime#version()} without its build (e.g. {@code 17.0.15}) and
     *     the {@code os.name} system property
     */
    static Host current(Map<String, String> environment, Path workDirectory) {
        Runtime.Version version = Runtime.version();
        String javaVersion = version.version().stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + "." + b)
                .orElseThrow();
        return new Host(environment, workDirectory, javaVersion, System.getProperty("os.name", "unknown"));
    }
}
