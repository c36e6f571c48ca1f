package dev.smokegate.smoke.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of a gate run, as the JSON summary's {@code gate} object shows them. Built with
 * {@link #builder(String)}.
 *
 * @param manifest the manifest as shown to the user, e.g. {@code src/smoke/manifest.toml}
 * @param tasks the owner tasks selected; empty for all
 * @param scenarios the scenario name globs selected; empty for all
 * @param repoUrl the clone URL that replaces every checkout source, or {@code null}
 * @param ref the ref cloned from {@code repoUrl}, or {@code null}
 * @param offline whether clones came from the cache only
 * @param threads how many scenarios ran at once, at most
 * @param failOnSkip whether a skipped scenario fails the gate
 * @param retries how many times a scenario that failed on the host is run again
 * @param probeTimeout the limit of each requirement check
 * @param shard the shard this run was and how it was planned ({@code smoke.shard}), or {@code null}
 *     for a run of every selected scenario
 */
public record GateParameters(
        String manifest,
        List<String> tasks,
        List<String> scenarios,
        String repoUrl,
        String ref,
        boolean offline,
        int threads,
        boolean failOnSkip,
        int retries,
        Duration probeTimeout,
        ShardRecord shard) {
    /** @throws NullPointerException when manifest, tasks, scenarios or probeTimeout is {@code null} */
    public GateParameters {
        Objects.requireNonNull(manifest, "manifest");
        tasks = List.copyOf(tasks);
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(probeTimeout, "probeTimeout");
    }

    /**
     * @param manifest the manifest as shown to the user
     * @return a builder with the defaults of a request: no selection, no clone URL, online, one
     *     thread, skips fail, no retries, 5 s probe timeout, not sharded
     */
    public static Builder builder(String manifest) {
        return new Builder(manifest);
    }

    /** Builds {@link GateParameters}; each setter returns this builder. */
    public static final class Builder {
        private final String manifest;
        private List<String> tasks = List.of();
        private List<String> scenarios = List.of();
        private String repoUrl;
        private String ref;
        private boolean offline;
        private int threads = 1;
        private boolean failOnSkip = true;
        private int retries;
        private Duration probeTimeout = Duration.ofSeconds(5);
        private ShardRecord shard;

        private Builder(String manifest) {
            this.manifest = Objects.requireNonNull(manifest, "manifest");
        }

        /** @param tasks the owner tasks selected; empty for all */
        public Builder tasks(List<String> tasks) {
            this.tasks = List.copyOf(tasks);
            return this;
        }

        /** @param scenarios the scenario name globs selected; empty for all */
        public Builder scenarios(List<String> scenarios) {
            this.scenarios = List.copyOf(scenarios);
            return this;
        }

        /**
         * @param repoUrl the clone URL that replaces every checkout source, or {@code null}
         * @param ref the ref cloned from it, or {@code null}
         */
        public Builder clone(String repoUrl, String ref) {
            this.repoUrl = repoUrl;
            this.ref = ref;
            return this;
        }

        /** @param offline whether clones came from the cache only */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** @param threads how many scenarios ran at once, at most */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** @param failOnSkip whether a skipped scenario fails the gate */
        public Builder failOnSkip(boolean failOnSkip) {
            this.failOnSkip = failOnSkip;
            return this;
        }

        /** @param retries how many times a scenario that failed on the host is run again */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /** @param probeTimeout the limit of each requirement check */
        public Builder probeTimeout(Duration probeTimeout) {
            this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
            return this;
        }

        /** @param shard the shard this run was, or {@code null} for none */
        public Builder shard(ShardRecord shard) {
            this.shard = shard;
            return this;
        }

        /** @return the parameters */
        public GateParameters build() {
            return new GateParameters(
                    manifest,
                    tasks,
                    scenarios,
                    repoUrl,
                    ref,
                    offline,
                    threads,
                    failOnSkip,
                    retries,
                    probeTimeout,
                    shard);
        }
    }
}
