package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ShardPlan}'s properties over many random inputs (disjoint, complete, units kept together,
 * balanced within the largest unit, deterministic), and its hash rule on known names.
 */
class ShardPlanTest {
    private static final int ROUNDS = 400;

    /** Random units: 0–40 of them, 1–3 names each, named {@code s<round>-<n>}. */
    private static List<List<String>> units(Random random) {
        List<List<String>> units = new ArrayList<>();
        int names = 0;
        int count = random.nextInt(41);
        for (int i = 0; i < count; i++) {
            List<String> unit = new ArrayList<>();
            int size = 1 + random.nextInt(3);
            for (int j = 0; j < size; j++) {
                unit.add("s-" + names++);
            }
            units.add(unit);
        }
        return units;
    }

    /** Random durations for about 70% of the names, 0–120 s, a few of them equal. */
    private static Map<String, Duration> durations(Random random, List<List<String>> units) {
        Map<String, Duration> durations = new HashMap<>();
        units.stream().flatMap(List::stream).forEach(name -> {
            if (random.nextInt(10) < 7) {
                durations.put(
                        name,
                        Duration.ofMillis(random.nextBoolean() ? 1000L * random.nextInt(5) : random.nextInt(120_000)));
            }
        });
        return durations;
    }

    private static long cost(List<String> unit, Map<String, Duration> durations, Duration median) {
        return unit.stream()
                .mapToLong(name -> durations.getOrDefault(name, median).toMillis())
                .sum();
    }

    private static void assertPartition(ShardPlan plan, List<List<String>> units) {
        List<String> all = new ArrayList<>();
        Map<String, Integer> shardOf = new HashMap<>();
        for (int index = 1; index <= plan.count(); index++) {
            for (String name : plan.shard(index)) {
                all.add(name);
                shardOf.put(name, index);
            }
        }
        assertThat(all).as("disjoint").doesNotHaveDuplicates();
        assertThat(all)
                .as("complete")
                .containsExactlyInAnyOrderElementsOf(
                        units.stream().flatMap(List::stream).toList());
        for (List<String> unit : units) {
            assertThat(unit.stream().map(shardOf::get).distinct())
                    .as("unit %s stays together", unit)
                    .hasSize(1);
        }
        assertThat(plan.scenarios()).isEqualTo(all.size());
    }

    @Test
    void of_randomUnitsWithDurations_disjointCompleteAndBalancedWithinTheLargestUnit() {
        Random random = new Random(20261201);
        for (int round = 0; round < ROUNDS; round++) {
            List<List<String>> units = units(random);
            Map<String, Duration> durations = durations(random, units);
            int count = 1 + random.nextInt(8);

            ShardPlan plan = ShardPlan.of(units, count, durations);

            assertPartition(plan, units);
            if (plan.balance() == ShardPlan.Balance.HASH) {
                assertThat(units.stream().flatMap(List::stream).noneMatch(durations::containsKey))
                        .isTrue();
                continue;
            }
            long largest = units.stream()
                    .mapToLong(unit -> cost(unit, durations, plan.median()))
                    .max()
                    .orElse(0);
            long[] loads = IntStream.rangeClosed(1, count)
                    .mapToLong(index -> cost(plan.shard(index), durations, plan.median()))
                    .toArray();
            long max = IntStream.range(0, count).mapToLong(i -> loads[i]).max().orElseThrow();
            long min = IntStream.range(0, count).mapToLong(i -> loads[i]).min().orElseThrow();
            assertThat(max - min)
                    .as("round %d: loads %s, largest unit %d ms", round, Arrays.toString(loads), largest)
                    .isLessThanOrEqualTo(largest);
            assertThat(plan.largestUnit().toMillis()).isEqualTo(largest);
            for (int index = 1; index <= count; index++) {
                assertThat(plan.load(index).toMillis()).isEqualTo(loads[index - 1]);
            }
        }
    }

    @Test
    void of_randomUnitsWithoutDurations_disjointAndComplete() {
        Random random = new Random(7);
        for (int round = 0; round < ROUNDS; round++) {
            List<List<String>> units = units(random);

            ShardPlan plan = ShardPlan.of(units, 1 + random.nextInt(8), Map.of());

            assertPartition(plan, units);
            assertThat(plan.balance()).isEqualTo(ShardPlan.Balance.HASH);
        }
    }

    @Test
    void of_sameInputsInAnotherOrder_samePlanAndDigest() {
        Random random = new Random(42);
        for (int round = 0; round < ROUNDS; round++) {
            List<List<String>> units = units(random);
            Map<String, Duration> durations = random.nextBoolean() ? durations(random, units) : Map.of();
            int count = 1 + random.nextInt(6);
            List<List<String>> shuffled = new ArrayList<>(units);
            Collections.shuffle(shuffled, random);

            ShardPlan plan = ShardPlan.of(units, count, durations);
            ShardPlan again = ShardPlan.of(shuffled, count, new HashMap<>(durations));

            for (int index = 1; index <= count; index++) {
                assertThat(Set.copyOf(again.shard(index))).isEqualTo(Set.copyOf(plan.shard(index)));
            }
            assertThat(again.digest()).isEqualTo(plan.digest()).matches("[0-9a-f]{12}");
        }
    }

    @Test
    void of_noDurations_eachUnitInTheShardOfTheSha256OfItsFirstName() {
        // First 8 bytes of SHA-256 (UTF-8) mod 3, plus 1: beta 1, gamma 1, delta 2, zeta 2, alpha 3, epsilon 3.
        List<List<String>> units = List.of(
                List.of("alpha"),
                List.of("beta"),
                List.of("gamma"),
                List.of("delta", "a"),
                List.of("epsilon"),
                List.of("zeta"));

        ShardPlan plan = ShardPlan.of(units, 3, Map.of());

        assertThat(plan.balance()).isEqualTo(ShardPlan.Balance.HASH);
        assertThat(plan.shard(1)).containsExactly("beta", "gamma");
        assertThat(plan.shard(2)).containsExactly("delta", "a", "zeta");
        assertThat(plan.shard(3)).containsExactly("alpha", "epsilon");
        assertThat(plan.estimated()).isEqualTo(7);
    }

    @Test
    void of_noDurations_aUnitKeepsItsShardWhenOthersComeAndGo() {
        List<List<String>> before = List.of(List.of("alpha"), List.of("beta"), List.of("gamma"));
        List<List<String>> after = List.of(List.of("beta"), List.of("delta"), List.of("gamma"), List.of("zeta"));

        ShardPlan first = ShardPlan.of(before, 3, Map.of());
        ShardPlan second = ShardPlan.of(after, 3, Map.of());

        for (String kept : List.of("beta", "gamma")) {
            assertThat(IntStream.rangeClosed(1, 3).filter(i -> second.shard(i).contains(kept)))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 3)
                            .filter(i -> first.shard(i).contains(kept))
                            .boxed()
                            .toList());
        }
    }

    @Test
    void hashShard_knownNames_stableValues() {
        assertThat(ShardPlan.hashShard("greeter-loop", 3)).isEqualTo(2);
        assertThat(ShardPlan.hashShard("chat-live", 3)).isZero();
        assertThat(ShardPlan.hashShard("d", 2)).isEqualTo(1);
        assertThat(ShardPlan.hashShard("delta", 4)).isEqualTo(1);
        assertThat(ShardPlan.hashShard("anything", 1)).isZero();
    }

    @Test
    void of_aScenarioWithoutDuration_countsAsTheMedian() {
        Map<String, Duration> durations =
                Map.of("a", Duration.ofSeconds(10), "b", Duration.ofSeconds(20), "c", Duration.ofSeconds(30));

        ShardPlan plan = ShardPlan.of(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), 2, durations);

        // Longest first: c 30 → 1; b 20 → 2; d (median 20) → 2 (20 < 30); a 10 → 1 (30 < 40).
        assertThat(plan.balance()).isEqualTo(ShardPlan.Balance.DURATIONS);
        assertThat(plan.median()).isEqualTo(Duration.ofSeconds(20));
        assertThat(plan.estimated()).isEqualTo(1);
        assertThat(plan.shard(1)).containsExactly("c", "a");
        assertThat(plan.shard(2)).containsExactly("b", "d");
        assertThat(plan.load(1)).isEqualTo(Duration.ofSeconds(40));
        assertThat(plan.load(2)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void of_evenNumberOfDurations_medianIsTheMeanOfTheMiddleTwo() {
        ShardPlan plan = ShardPlan.of(
                List.of(List.of("a"), List.of("b"), List.of("x")),
                2,
                Map.of("a", Duration.ofMillis(1000), "b", Duration.ofMillis(2001)));

        assertThat(plan.median()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void of_allDurationsZero_unitsSpreadOverTheShards() {
        Map<String, Duration> zero = Map.of("a", Duration.ZERO, "b", Duration.ZERO, "c", Duration.ZERO);

        ShardPlan plan = ShardPlan.of(List.of(List.of("a"), List.of("b"), List.of("c")), 3, zero);

        assertThat(plan.shard(1)).containsExactly("a");
        assertThat(plan.shard(2)).containsExactly("b");
        assertThat(plan.shard(3)).containsExactly("c");
    }

    @Test
    void of_fewerUnitsThanShards_theRestAreEmpty() {
        ShardPlan plan = ShardPlan.of(List.of(List.of("a", "b")), 3, Map.of("a", Duration.ofSeconds(1)));

        assertThat(plan.shard(1)).containsExactly("a", "b");
        assertThat(plan.shard(2)).isEmpty();
        assertThat(plan.shard(3)).isEmpty();
    }

    @Test
    void of_durationsOfOtherScenariosOnly_plansByHash() {
        ShardPlan plan = ShardPlan.of(List.of(List.of("alpha")), 3, Map.of("gone", Duration.ofSeconds(3)));

        assertThat(plan.balance()).isEqualTo(ShardPlan.Balance.HASH);
        assertThat(plan.shard(3)).containsExactly("alpha");
    }

    @Test
    void digest_otherCountOrOtherSplit_differs() {
        List<List<String>> units = List.of(List.of("a"), List.of("b"), List.of("c"));
        Map<String, Duration> durations = Map.of("a", Duration.ofSeconds(1), "b", Duration.ofSeconds(2));

        Set<String> digests = new HashSet<>(List.of(
                ShardPlan.of(units, 2, durations).digest(),
                ShardPlan.of(units, 3, durations).digest(),
                ShardPlan.of(units, 2, Map.of()).digest(),
                ShardPlan.of(units, 2, Map.of("a", Duration.ofSeconds(5))).digest()));

        assertThat(digests).hasSize(4);
    }

    @Test
    void of_badInputs_rejected() {
        assertThatThrownBy(() -> ShardPlan.of(List.of(List.of("a")), 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the shard count must be at least 1, got 0");
        assertThatThrownBy(() -> ShardPlan.of(List.of(List.of("a"), List.of("b", "a")), 2, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenario a is in two units");
        assertThatThrownBy(() -> ShardPlan.of(List.of(List.of()), 2, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a unit of scenarios must not be empty");
    }
}
