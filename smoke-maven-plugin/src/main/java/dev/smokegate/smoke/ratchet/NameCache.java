package dev.smokegate.smoke.ratchet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scenario names of manifest versions already read, by blob id: a blob never changes, so each
 * version of the manifest is parsed once. Kept as JSON (Jackson) in the gate's work directory:
 *
 * <pre>
 * {
 *   "format": 1,
 *   "versions": {
 *     "9fceb02d0ae598e95dc970b74767f19372d61af8": {"names": ["greeter-loop", "wiremock-loop"]},
 *     "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391": {"skipped": "not valid TOML: …"}
 *   }
 * }
 * </pre>
 *
 * <p>The cache is an optimisation and never a reason to fail: a missing, unreadable or malformed
 * file (or one of another format) is read as empty and written anew, and a file that cannot be
 * written is reported and left.
 */
final class NameCache {
    /** The format this version writes; a file of another format is ignored. */
    static final int FORMAT = 1;

    private static final Pattern BLOB = Pattern.compile("[0-9a-f]{40}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, VersionNames> entries;
    private final String problem;

    private NameCache(Path file, Map<String, VersionNames> entries, String problem) {
        this.file = file;
        this.entries = entries;
        this.problem = problem;
    }

    /**
     * @param file the cache file; it need not exist
     * @return the cache; empty when the file is missing, unreadable or not a cache of this format
     */
    static NameCache load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new NameCache(file, new LinkedHashMap<>(), null);
        } catch (IOException | RuntimeException e) {
            return new NameCache(file, new LinkedHashMap<>(), "cannot be read (" + e + ")");
        }
        try {
            return new NameCache(file, entries(JSON.readTree(text)), null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return new NameCache(file, new LinkedHashMap<>(), "is not a ratchet cache (" + reason + ")");
        }
    }

    private static Map<String, VersionNames> entries(JsonNode root) {
        if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException("no \"format\": " + FORMAT);
        }
        JsonNode versions = root.path("versions");
        if (!versions.isObject()) {
            throw new IllegalArgumentException("no \"versions\" object");
        }
        Map<String, VersionNames> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : versions.properties()) {
            String blob = entry.getKey();
            JsonNode value = entry.getValue();
            if (!BLOB.matcher(blob).matches()) {
                throw new IllegalArgumentException("bad blob id " + blob);
            }
            if (value.path("names").isArray()) {
                List<String> names = new ArrayList<>();
                for (JsonNode name : value.path("names")) {
                    if (!name.isTextual()) {
                        throw new IllegalArgumentException("a name of " + blob + " is not a string");
                    }
                    names.add(name.asText());
                }
                entries.put(blob, VersionNames.of(names));
            } else if (value.path("skipped").isTextual()) {
                entries.put(blob, VersionNames.skipped(value.path("skipped").asText()));
            } else {
                throw new IllegalArgumentException("no names for " + blob);
            }
        }
        return entries;
    }

    /** @return why the file was not used, e.g. {@code is not a ratchet cache (…)}; empty when it was, or was missing */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** @return how many versions the file held */
    int size() {
        return entries.size();
    }

    /** @return the file */
    Path file() {
        return file;
    }

    /**
     * @param blob a blob id (40 hex digits)
     * @return the names read from it before, if any
     */
    Optional<VersionNames> get(String blob) {
        return Optional.ofNullable(entries.get(blob));
    }

    /**
     * Writes the given versions, and only those (versions no longer in the history drop out), to a
     * temporary file that then replaces the cache file.
     *
     * @param versions blob id → names, in the order to write
     * @return why the file could not be written; empty when it was
     */
    Optional<String> save(Map<String, VersionNames> versions) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode all = root.putObject("versions");
        versions.forEach((blob, names) -> {
            ObjectNode entry = all.putObject(blob);
            if (names.skipped() != null) {
                entry.put("skipped", names.skipped());
            } else {
                ArrayNode list = entry.putArray("names");
                names.names().forEach(list::add);
            }
        });
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(temporary, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the write failed already; that failure is the one to report
            }
            return Optional.of(e.toString());
        }
    }

    /**
     * What one version holds: its scenario names, or why it could not be read.
     *
     * @param names the scenario names, in file order; empty when skipped
     * @param skipped why the version could not be read (e.g. {@code not valid TOML: …}); {@code null}
     *     when it was
     */
    record VersionNames(List<String> names, String skipped) {
        VersionNames {
            names = List.copyOf(names);
        }

        static VersionNames of(List<String> names) {
            return new VersionNames(names, null);
        }

        static VersionNames skipped(String reason) {
            return new VersionNames(List.of(), reason);
        }
    }
}
