package dev.smokegate.smoke.report;

import dev.smokegate.smoke.model.Shard;
import java.util.Objects;

/**
 * What the reports record of a sharded run ({@code -Dsmoke.shard=K/N}), so that {@code smoke:merge}
 * can tell the shards apart and check they were planned alike.
 *
 * @param shard which shard this run was
 * @param scenarios how many scenarios were selected before sharding: the plan's total over all shards
 * @param balance how the shards were split, e.g. {@code balanced by recorded durations from
 *     target/smoke/smoke-summary.json} or {@code by a stable hash}
 * @param digest the plan's fingerprint (12 hex digits), the same on every shard planned from the same
 *     inputs
 */
public record ShardRecord(Shard shard, int scenarios, String balance, String digest) {
    /** @throws NullPointerException when shard, balance or digest is {@code null} */
    public ShardRecord {
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(digest, "digest");
    }
}
