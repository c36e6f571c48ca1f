package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;

/**
 * One thing wrong with a manifest, with where it is.
 *
 * @param location {@code file:line:col} of the offending key or value
 * @param message what is wrong and what to do, without the location
 */
public record ManifestProblem(Location location, String message) {
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
