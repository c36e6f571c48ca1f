package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.ratchet.Ratchet;
import dev.smokegate.smoke.ratchet.RatchetException;
import dev.smokegate.smoke.ratchet.RatchetResult;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ratchet as a step of the gate, run right after the manifest is loaded and before anything
 * else: it fails the gate when a scenario name of the manifest's committed history is neither in
 * the manifest now nor under its {@code [retired]} table ({@link Ratchet}), and says how to retire
 * it. It prints what it checked:
 *
 * <pre>
 * [smoke] ratchet: checked 12 scenario names from 40 versions of src/smoke/manifest.toml (38 from cache)
 * </pre>
 *
 * <p>With the front end's {@link FrontEnd.Setting#RATCHET} setting off it only warns that it is off.
 */
final class ManifestRatchet {
    /** A name that TOML accepts as a bare key; others (with a '.') are quoted. */
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private ManifestRatchet() {}

    /**
     * @param request the gate's request: the manifest, the work directory (for the cache), the
     *     {@code ratchet} switch and the front end's words
     * @param manifest the loaded manifest, with its scenarios and retired names now
     * @param log where the ratchet's lines go
     * @throws GateConfigurationException when a name is missing, or the history cannot be read
     */
    static void check(GateRequest request, Manifest manifest, SmokeLog log) throws GateConfigurationException {
        String setting = request.frontEnd().setting(FrontEnd.Setting.RATCHET);
        String shown = request.display(request.manifest());
        if (!request.ratchet()) {
            log.warn("[smoke] ratchet off (" + setting + "=false): scenarios removed from " + shown
                    + " are not looked for. Use it only to bootstrap a manifest whose history predates the ratchet.");
            return;
        }
        RatchetResult result;
        try {
            result = new Ratchet(request.workDirectory().resolve(Ratchet.CACHE_FILE), log)
                    .check(
                            request.manifest(),
                            manifest.scenarios().stream().map(Scenario::name).toList(),
                            manifest.retired().keySet());
        } catch (RatchetException e) {
            throw new GateConfigurationException(
                    e.getMessage() + ". Repair the repository (git fsck shows what is wrong), or set " + setting
                            + "=false to run the gate without the ratchet.",
                    e);
        }
        switch (result.history()) {
            case NO_WORK_TREE -> log.info(
                    "[smoke] ratchet: " + shown + " is not in a git work tree; no history to check");
            case NEVER_COMMITTED -> log.info(
                    "[smoke] ratchet: " + result.path() + " was never committed; no history to check");
            case CHECKED -> report(result, log);
        }
        if (!result.passed()) {
            throw new GateConfigurationException(
                    message(result.missing(), shown, !manifest.retired().isEmpty(), setting));
        }
    }

    private static void report(RatchetResult result, SmokeLog log) {
        for (RatchetResult.Rename rename : result.renames()) {
            log.info("[smoke] ratchet: followed " + rename.newPath() + " back to its old path " + rename.oldPath()
                    + " (renamed in commit " + rename.commit() + ")");
        }
        for (RatchetResult.Skipped skipped : result.skipped()) {
            log.info("[smoke] ratchet: skipped the version of commit " + skipped.commit() + ", which cannot be read: "
                    + skipped.reason());
        }
        if (result.shallow()) {
            log.warn("[smoke] ratchet: the repository is a shallow clone, so only the versions of " + result.path()
                    + " it holds were checked. Fetch the whole history (git fetch --unshallow) for the full check.");
        }
        log.info("[smoke] ratchet: checked " + result.names() + " scenario name" + (result.names() == 1 ? "" : "s")
                + " from " + result.versions() + " version" + (result.versions() == 1 ? "" : "s") + " of "
                + result.path() + " (" + result.fromCache() + " from cache)");
    }

    /**
     * @return e.g. {@code Scenarios removed from the manifest [src/smoke/manifest.toml]: old-a (last
     *     seen in commit 1a2b3c4). …}, with a {@code [retired]} block to paste
     */
    static String message(List<RatchetResult.Missing> missing, String manifest, boolean hasRetired, String setting) {
        String nl = System.lineSeparator();
        String list = missing.stream()
                .map(name -> name.name() + " (last seen in commit " + name.commit() + ")")
                .collect(Collectors.joining(", "));
        String block = missing.stream()
                .map(name -> key(name.name()) + " = \"why it was removed\"")
                .collect(Collectors.joining(nl));
        return (missing.size() == 1 ? "Scenario" : "Scenarios") + " removed from the manifest [" + manifest + "]: "
                + list + ". A scenario name that was ever committed stays in the manifest or is retired with a"
                + " reason; a renamed scenario counts as removed. Restore "
                + (missing.size() == 1 ? "it" : "them") + ", or retire "
                + (missing.size() == 1 ? "it" : "them") + " by adding "
                + (hasRetired ? "under the [retired] table of " + manifest : "to the end of " + manifest)
                + ", each with its reason:" + nl + nl + (hasRetired ? "" : "[retired]" + nl) + block + nl + nl
                + "Set " + setting + "=false only to bootstrap a manifest whose history predates the ratchet.";
    }

    private static String key(String name) {
        return BARE_KEY.matcher(name).matches() ? name : "\"" + name + "\"";
    }
}
