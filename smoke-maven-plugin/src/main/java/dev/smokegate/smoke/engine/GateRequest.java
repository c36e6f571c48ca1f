package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.ServerCredentials;
import dev.smokegate.smoke.model.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one gate run needs, already translated from the front end's parameters. Build one with
 * {@link #builder(Path, FrontEnd)}; every setting not given keeps the default the builder names.
 *
 * @param manifest the manifest file
 * @param basedir the project folder: relative checkouts resolve against it and paths are shown
 *     relative to it
 * @param workDirectory where scenario folders (logs, workspace, export) and reports are written
 * @param cacheDirectory the cache of bare mirrors used for clones
 * @param sshDirectory where ssh clones read identities, {@code known_hosts} and {@code config}, or
 *     {@code null} for {@code ~/.ssh}
 * @param servers credentials for {@code http(s)://} clones, by server id ({@code host:port} or
 *     {@code host})
 * @param tasks task IDs to select by owner; empty for all
 * @param scenarioGlobs name globs, {@code !glob} excludes; empty for all
 * @param repoUrl when set, every checkout scenario clones this URL instead; blank means {@code null}
 * @param ref the ref to clone with {@code repoUrl}, or {@code null}; blank means {@code null}
 * @param offline whether the front end runs offline: clones come from the cache only
 * @param properties values for {@code ${…}} placeholders (the front end's properties)
 * @param environment the environment for {@code ${env.NAME}} and for the commands run
 * @param threads how many scenarios run at once; positive, 1 runs them one after another
 * @param heartbeat how often a running step says it is still running; {@link Duration#ZERO} for
 *     never
 * @param frontEnd the front end's words for the settings above, used in messages
 * @param failOnSkip whether a skipped scenario fails the gate (true by default)
 * @param probeTimeout how long one host check ({@code requires}, {@code smoke:doctor}) may take
 *     before it counts as failed; positive, 5 seconds by default
 * @param retries how many times a scenario whose failure is classified host is run again from a
 *     fresh workspace; 0 (the default) for never. Source and runtime failures are never retried.
 * @param ratchet whether the manifest is checked against its git history first: a scenario name
 *     that was ever committed must still be in it or be retired (true by default)
 * @param update update mode: each golden file ({@code equals-file}) that did not match is rewritten
 *     from the output once the gate has checked the checkouts, keeping the wildcard lines that still
 *     match, and a missing one is created; a run that rewrote anything does not pass. Off by default.
 * @param shard the one shard of the selected scenarios to run ({@link ShardSelection}), or {@code
 *     null} (the default) for all of them
 * @param timings the file of recorded durations that balances the shards ({@link
 *     dev.smokegate.smoke.report.RecordedDurations}), or {@code null} (the default) for the previous
 *     run's summary in the work directory
 */
public record GateRequest(
        Path manifest,
        Path basedir,
        Path workDirectory,
        Path cacheDirectory,
        Path sshDirectory,
        Map<String, ServerCredentials> servers,
        List<String> tasks,
        List<String> scenarioGlobs,
        String repoUrl,
        String ref,
        boolean offline,
        Map<String, String> properties,
        Map<String, String> environment,
        int threads,
        Duration heartbeat,
        FrontEnd frontEnd,
        boolean failOnSkip,
        Duration probeTimeout,
        int retries,
        boolean ratchet,
        boolean update,
        Shard shard,
        Path timings) {
    /** The default of {@code heartbeat}: a line every 30 seconds while a step runs. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    /** The default of {@code probeTimeout}: 5 seconds for each host check. */
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @throws IllegalArgumentException when threads is not positive, the heartbeat is negative, the
     *     probe timeout is not positive or retries is negative
     */
    public GateRequest {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(frontEnd, "frontEnd");
        basedir = basedir.toAbsolutePath().normalize();
        workDirectory = workDirectory.toAbsolutePath().normalize();
        cacheDirectory = cacheDirectory.toAbsolutePath().normalize();
        sshDirectory =
                sshDirectory == null ? null : sshDirectory.toAbsolutePath().normalize();
        servers = Map.copyOf(servers);
        repoUrl = repoUrl == null || repoUrl.isBlank() ? null : repoUrl.strip();
        ref = ref == null || ref.isBlank() ? null : ref.strip();
        tasks = List.copyOf(tasks);
        scenarioGlobs = List.copyOf(scenarioGlobs);
        properties = Map.copyOf(properties);
        environment = Map.copyOf(environment);
        checkThreads(threads);
        checkHeartbeat(heartbeat);
        checkProbeTimeout(probeTimeout);
        checkRetries(retries);
        timings = timings == null ? null : timings.toAbsolutePath().normalize();
    }

    private static Duration checkProbeTimeout(Duration probeTimeout) {
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        if (probeTimeout.isNegative() || probeTimeout.isZero()) {
            throw new IllegalArgumentException("probe timeout must be positive, got " + probeTimeout);
        }
        return probeTimeout;
    }

    private static int checkRetries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        return retries;
    }

    private static int checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        return threads;
    }

    private static Duration checkHeartbeat(Duration heartbeat) {
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must not be negative, got " + heartbeat);
        }
        return heartbeat;
    }

    /**
     * A builder whose defaults are: the project folder is the manifest's grandparent's parent (the
     * manifest sits at {@code <basedir>/src/smoke/manifest.toml}) or the manifest's folder, the work
     * directory is {@code <basedir>/target/smoke}, the cache is {@code <basedir>/target/smoke-cache},
     * {@code ~/.ssh}, no servers, all scenarios, no repo URL or ref, online, no properties, an empty
     * environment, one scenario at a time, a heartbeat every 30 seconds, a skip fails the gate, 5
     * seconds for each host check, no retries, the ratchet on, no update mode, not sharded and shards
     * balanced by the previous run's summary.
     *
     * @param manifest the manifest file
     * @param frontEnd the front end's words for messages
     * @return a new builder
     */
    public static Builder builder(Path manifest, FrontEnd frontEnd) {
        return new Builder(manifest, frontEnd);
    }

    /**
     * A builder that starts from this request's values.
     *
     * @return a new builder holding every value of this request
     */
    public Builder toBuilder() {
        return new Builder(manifest, frontEnd)
                .basedir(basedir)
                .workDirectory(workDirectory)
                .cacheDirectory(cacheDirectory)
                .sshDirectory(sshDirectory)
                .servers(servers)
                .tasks(tasks)
                .scenarioGlobs(scenarioGlobs)
                .repoUrl(repoUrl)
                .ref(ref)
                .offline(offline)
                .properties(properties)
                .environment(environment)
                .threads(threads)
                .heartbeat(heartbeat)
                .failOnSkip(failOnSkip)
                .probeTimeout(probeTimeout)
                .retries(retries)
                .ratchet(ratchet)
                .update(update)
                .shard(shard)
                .timings(timings);
    }

    /** A path as the user should read it: relative to the project folder when inside it. */
    public String display(Path path) {
        return display(basedir, path);
    }

    /**
     * @param basedir the project folder, absolute and normalized
     * @param path a path
     * @return the path as the user should read it: relative to {@code basedir} when inside it
     */
    public static String display(Path basedir, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(basedir) && !absolute.equals(basedir)
                ? basedir.relativize(absolute).toString()
                : absolute.toString();
    }

    /**
     * Builds a {@link GateRequest}. Each setter checks its argument and returns this builder, as
     * JGit's command builders do.
     */
    public static final class Builder {
        private final Path manifest;
        private final FrontEnd frontEnd;
        private Path basedir;
        private Path workDirectory;
        private Path cacheDirectory;
        private Path sshDirectory;
        private Map<String, ServerCredentials> servers = Map.of();
        private List<String> tasks = List.of();
        private List<String> scenarioGlobs = List.of();
        private String repoUrl;
        private String ref;
        private boolean offline;
        private Map<String, String> properties = Map.of();
        private Map<String, String> environment = Map.of();
        private int threads = 1;
        private Duration heartbeat = DEFAULT_HEARTBEAT;
        private boolean failOnSkip = true;
        private Duration probeTimeout = DEFAULT_PROBE_TIMEOUT;
        private int retries;
        private boolean ratchet = true;
        private boolean update;
        private Shard shard;
        private Path timings;

        private Builder(Path manifest, FrontEnd frontEnd) {
            this.manifest = Objects.requireNonNull(manifest, "manifest");
            this.frontEnd = Objects.requireNonNull(frontEnd, "frontEnd");
        }

        /** @param basedir the project folder; not {@code null} */
        public Builder basedir(Path basedir) {
            this.basedir = Objects.requireNonNull(basedir, "basedir");
            return this;
        }

        /** @param workDirectory where scenario folders and reports are written; not {@code null} */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        /** @param cacheDirectory the clone cache; not {@code null} */
        public Builder cacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
            return this;
        }

        /** @param sshDirectory where ssh reads keys, or {@code null} for {@code ~/.ssh} */
        public Builder sshDirectory(Path sshDirectory) {
            this.sshDirectory = sshDirectory;
            return this;
        }

        /** @param servers logins by server id; not {@code null} */
        public Builder servers(Map<String, ServerCredentials> servers) {
            this.servers = Map.copyOf(servers);
            return this;
        }

        /** @param tasks task IDs to select; not {@code null}, empty for all */
        public Builder tasks(List<String> tasks) {
            this.tasks = List.copyOf(tasks);
            return this;
        }

        /** @param scenarioGlobs scenario name globs; not {@code null}, empty for all */
        public Builder scenarioGlobs(List<String> scenarioGlobs) {
            this.scenarioGlobs = List.copyOf(scenarioGlobs);
            return this;
        }

        /** @param repoUrl the URL to clone instead of checkouts, or {@code null} or blank for none */
        public Builder repoUrl(String repoUrl) {
            this.repoUrl = repoUrl;
            return this;
        }

        /** @param ref the ref to clone with the repo URL, or {@code null} or blank for none */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /** @param offline whether clones come from the cache only */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** @param properties placeholder values; not {@code null} */
        public Builder properties(Map<String, String> properties) {
            this.properties = Map.copyOf(properties);
            return this;
        }

        /** @param environment the commands' environment; not {@code null} */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * @param threads how many scenarios run at once; 1 runs them one after another
         * @throws IllegalArgumentException when threads is not positive
         */
        public Builder threads(int threads) {
            this.threads = checkThreads(threads);
            return this;
        }

        /**
         * @param heartbeat how often a running step says it is still running; {@link Duration#ZERO}
         *     turns the heartbeat off
         * @throws IllegalArgumentException when the heartbeat is negative
         */
        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = checkHeartbeat(heartbeat);
            return this;
        }

        /**
         * @param failOnSkip whether a skipped scenario fails the gate
         */
        public Builder failOnSkip(boolean failOnSkip) {
            this.failOnSkip = failOnSkip;
            return this;
        }

        /**
         * @param probeTimeout how long one host check may take
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder probeTimeout(Duration probeTimeout) {
            this.probeTimeout = checkProbeTimeout(probeTimeout);
            return this;
        }

        /**
         * @param retries how many times a host failure is run again; 0 for never
         * @throws IllegalArgumentException when it is negative
         */
        public Builder retries(int retries) {
            this.retries = checkRetries(retries);
            return this;
        }

        /**
         * @param ratchet whether the manifest is checked against its git history before the gate runs
         */
        public Builder ratchet(boolean ratchet) {
            this.ratchet = ratchet;
            return this;
        }

        /** @param update whether golden files that did not match are rewritten from the output */
        public Builder update(boolean update) {
            this.update = update;
            return this;
        }

        /** @param shard the one shard to run, or {@code null} for every selected scenario */
        public Builder shard(Shard shard) {
            this.shard = shard;
            return this;
        }

        /** @param timings the file of recorded durations, or {@code null} for the previous run's summary */
        public Builder timings(Path timings) {
            this.timings = timings;
            return this;
        }

        /** @return the request, with the defaults named on {@link GateRequest#builder} */
        public GateRequest build() {
            Path folder = manifest.toAbsolutePath().normalize().getParent();
            Path project = basedir != null
                    ? basedir
                    : folder.getParent() != null && folder.getParent().getParent() != null
                            ? folder.getParent().getParent()
                            : folder;
            return new GateRequest(
                    manifest,
                    project,
                    workDirectory != null ? workDirectory : project.resolve("target/smoke"),
                    cacheDirectory != null ? cacheDirectory : project.resolve("target/smoke-cache"),
                    sshDirectory,
                    servers,
                    tasks,
                    scenarioGlobs,
                    repoUrl,
                    ref,
                    offline,
                    properties,
                    environment,
                    threads,
                    heartbeat,
                    frontEnd,
                    failOnSkip,
                    probeTimeout,
                    retries,
                    ratchet,
                    update,
                    shard,
                    timings);
        }
    }
}
