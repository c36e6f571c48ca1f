package dev.smokegate.smoke.model;

/**
 * One of N disjoint parts of a gate's selected scenarios, so that N CI runners can share a gate:
 * shard {@code index} of {@code count}, both 1-based, written {@code K/N} ({@code 2/3} is the second
 * of three).
 *
 * @param index which shard, from 1 to {@code count}
 * @param count how many shards there are, at least 1
 */
public record Shard(int index, int count) {
    /** @throws IllegalArgumentException unless 1 ≤ index ≤ count */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, got " + index + "/" + count);
        }
    }

    /** @return {@code K/N}, e.g. {@code 2/3} */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
