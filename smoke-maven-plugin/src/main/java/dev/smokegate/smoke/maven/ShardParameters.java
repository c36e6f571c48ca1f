package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.Selection;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.Shard;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of the sharding parameters, {@code shard} ({@code K/N}) of {@code smoke:verify} and
 * {@code inputs} of {@code smoke:merge}, and words what is wrong with a bad one in Maven's terms
 * ({@code -Dsmoke.shard}).
 */
final class ShardParameters {
    /** {@code K/N}: two runs of digits around a slash. */
    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

    private ShardParameters() {}

    /**
     * @param text the {@code shard} parameter, e.g. {@code 2/3}; surrounding blanks are ignored
     * @return the shard, or {@code null} when the text is unset or blank (every selected scenario runs)
     * @throws GateConfigurationException unless the text is {@code K/N} with whole numbers 1 ≤ K ≤ N
     */
    static Shard shard(String text) throws GateConfigurationException {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = SHARD.matcher(text.strip());
        String problem;
        if (!matcher.matches()) {
            problem = "not K/N";
        } else {
            long index = parse(matcher.group(1));
            long count = parse(matcher.group(2));
            problem = index < 0 || count < 0
                    ? "a number too large"
                    : count < 1 ? "N is below 1" : index < 1 ? "K is below 1" : index > count ? "K is above N" : null;
            if (problem == null) {
                return new Shard((int) index, (int) count);
            }
        }
        String property = MavenFrontEnd.INSTANCE.setting(FrontEnd.Setting.SHARD);
        throw new GateConfigurationException("Bad shard [" + property + "]: '" + text + "' (" + problem + "). Use K/N"
                + " with whole numbers 1 ≤ K ≤ N, e.g. " + property + "=2/3 to run the second of three shards.");
    }

    /**
     * @param text the {@code inputs} parameter: comma-separated folders
     * @param basedir the project folder, which relative folders are resolved against
     * @return the folders, in the order given; empty when the text is unset or blank
     */
    static List<Path> inputs(String text, Path basedir) {
        return Selection.split(text).stream().map(basedir::resolve).toList();
    }

    /** @return the number, or -1 when it does not fit an int */
    private static long parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
