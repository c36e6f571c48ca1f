package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Durations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits units of scenarios into N disjoint shards. A unit is a group of scenario names that must
 * run in the same shard (a {@code needs} chain; a scenario alone otherwise). Every unit lands in
 * exactly one shard, and the same inputs always give the same plan, whatever the order of the units.
 *
 * <p><b>With recorded durations</b> ({@link Balance#DURATIONS}, when at least one scenario of the
 * units has one): a unit costs the sum of its scenarios' durations, a scenario without a recorded
 * duration counting as the median of the recorded ones. The units are dealt greedily, longest first
 * (ties: by first scenario name), each to the shard with the least load so far (ties: the shard with
 * fewer units, then the lower index): Graham's longest-processing-time rule. As each unit goes to a
 * least-loaded shard, the loads of the most and the least loaded shards differ by at most the
 * largest unit's cost.
 *
 * <p><b>Without any</b> ({@link Balance#HASH}): a unit goes to shard {@code 1 + h mod N}, where
 * {@code h} is the first 8 bytes (unsigned, big-endian) of the SHA-256 of its first scenario name in
 * UTF-8. A unit keeps its shard when others are added or removed; the shards are balanced only on
 * average, and one may be empty.
 *
 * <p>Plain Java, no I/O: {@link ShardSelection} feeds it from the gate's request.
 */
public final class ShardPlan {
    /** How the units were split. */
    public enum Balance {
        /** By recorded durations, longest first onto the least-loaded shard. */
        DURATIONS,
        /** By a stable hash of each unit's first scenario name. */
        HASH
    }

    private final int count;
    private final Balance balance;
    private final List<List<String>> shards;
    private final long[] loads;
    private final Duration median;
    private final int estimated;
    private final Duration largestUnit;
    private final String digest;

    private ShardPlan(
            int count,
            Balance balance,
            List<List<String>> shards,
            long[] loads,
            Duration median,
            int estimated,
            Duration largestUnit) {
        this.count = count;
        this.balance = balance;
        this.shards = shards.stream().map(List::copyOf).toList();
        this.loads = loads.clone();
        this.median = median;
        this.estimated = estimated;
        this.largestUnit = largestUnit;
        this.digest = digest(this.shards);
    }

    /**
     * Plans the shards.
     *
     * @param units groups of scenario names that stay together; each non-empty, no name in two units
     * @param count how many shards, at least 1
     * @param durations recorded durations by scenario name; names of no unit are ignored, and an empty
     *     map (or one naming no scenario of the units) plans by hash
     * @return the plan
     * @throws IllegalArgumentException when count is below 1, a unit is empty, or a name is in two
     *     units
     */
    public static ShardPlan of(List<List<String>> units, int count, Map<String, Duration> durations) {
        if (count < 1) {
            throw new IllegalArgumentException("the shard count must be at least 1, got " + count);
        }
        Set<String> seen = new HashSet<>();
        for (List<String> unit : units) {
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("a unit of scenarios must not be empty");
            }
            for (String name : unit) {
                if (!seen.add(Objects.requireNonNull(name, "name"))) {
                    throw new IllegalArgumentException("scenario " + name + " is in two units");
                }
            }
        }
        List<Long> recorded = new ArrayList<>();
        for (String name : seen) {
            Duration duration = durations.get(name);
            if (duration != null) {
                recorded.add(Math.max(0, duration.toMillis()));
            }
        }
        List<List<String>> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shards.add(new ArrayList<>());
        }
        long[] loads = new long[count];
        if (recorded.isEmpty()) {
            for (List<String> unit : units) {
                shards.get(hashShard(unit.get(0), count)).addAll(unit);
            }
            return new ShardPlan(count, Balance.HASH, shards, loads, Duration.ZERO, seen.size(), Duration.ZERO);
        }
        long median = median(recorded);
        record Costed(List<String> unit, long cost) {}
        List<Costed> costed = new ArrayList<>();
        for (List<String> unit : units) {
            long cost = 0;
            for (String name : unit) {
                Duration duration = durations.get(name);
                cost += duration == null ? median : Math.max(0, duration.toMillis());
            }
            costed.add(new Costed(unit, cost));
        }
        costed.sort(Comparator.comparingLong(Costed::cost).reversed().thenComparing(c -> c.unit()
                .get(0)));
        int[] sizes = new int[count];
        for (Costed unit : costed) {
            int best = 0;
            for (int i = 1; i < count; i++) {
                if (loads[i] < loads[best] || (loads[i] == loads[best] && sizes[i] < sizes[best])) {
                    best = i;
                }
            }
            shards.get(best).addAll(unit.unit());
            loads[best] += unit.cost();
            sizes[best]++;
        }
        return new ShardPlan(
                count,
                Balance.DURATIONS,
                shards,
                loads,
                Duration.ofMillis(median),
                seen.size() - recorded.size(),
                Duration.ofMillis(costed.isEmpty() ? 0 : costed.get(0).cost()));
    }

    /**
     * @param name a unit's first scenario name
     * @param count how many shards
     * @return the 0-based shard of the hash rule
     */
    static int hashShard(String name, int count) {
        byte[] hash = sha256().digest(name.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (hash[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(value, count);
    }

    /** The middle value; the mean of the two middle ones (rounded down) for an even count. */
    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** @return how many shards */
    public int count() {
        return count;
    }

    /** @return how the units were split */
    public Balance balance() {
        return balance;
    }

    /**
     * @param index the shard, 1-based
     * @return its scenario names, each unit's names together in the unit's order
     * @throws IndexOutOfBoundsException when index is not from 1 to {@link #count()}
     */
    public List<String> shard(int index) {
        return shards.get(index - 1);
    }

    /** @return how many scenarios the units hold in all */
    public int scenarios() {
        return shards.stream().mapToInt(List::size).sum();
    }

    /**
     * @param index the shard, 1-based
     * @return the sum of its units' costs for {@link Balance#DURATIONS}; zero for {@link Balance#HASH}
     */
    public Duration load(int index) {
        return Duration.ofMillis(loads[index - 1]);
    }

    /** @return the cost of the most costly unit; zero for {@link Balance#HASH} */
    public Duration largestUnit() {
        return largestUnit;
    }

    /** @return the median of the recorded durations, the cost of a scenario without one; zero for HASH */
    public Duration median() {
        return median;
    }

    /** @return how many scenarios had no recorded duration (all of them for HASH) */
    public int estimated() {
        return estimated;
    }

    /**
     * A fingerprint of the whole plan, the same on every runner that planned from the same inputs:
     * the first 12 hex digits of the SHA-256 of each scenario's {@code <shard> <name>} line, sorted by
     * name. {@code smoke:merge} compares it across shards.
     *
     * @return 12 lower-case hex digits
     */
    public String digest() {
        return digest;
    }

    private static String digest(List<List<String>> shards) {
        TreeMap<String, Integer> byName = new TreeMap<>();
        for (int i = 0; i < shards.size(); i++) {
            for (String name : shards.get(i)) {
                byName.put(name, i + 1);
            }
        }
        StringBuilder text = new StringBuilder().append(shards.size()).append('\n');
        byName.forEach(
                (name, shard) -> text.append(shard).append(' ').append(name).append('\n'));
        byte[] hash = sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash).substring(0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ShardPlan[")
                .append(balance.name().toLowerCase(Locale.ROOT))
                .append(", plan ")
                .append(digest);
        for (int i = 0; i < count; i++) {
            text.append("; ")
                    .append(i + 1)
                    .append('/')
                    .append(count)
                    .append(' ')
                    .append(shards.get(i));
            if (balance == Balance.DURATIONS) {
                text.append(' ').append(Durations.elapsed(Duration.ofMillis(loads[i])));
            }
        }
        return text.append(']').toString();
    }
}
