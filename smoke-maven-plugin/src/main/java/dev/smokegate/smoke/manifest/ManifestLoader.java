package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.ClassifyRule;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.FrontEnd.Setting;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Requirements;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.UntrackedMode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads a manifest (format 1, TOML 1.0 parsed by tomlj) into a validated {@link Manifest}.
 *
 * <p>Every key is checked against the format: an unknown key, a wrong type, a duplicate name, a
 * bad duration, regex, glob or JSON Pointer, an unknown {@code ${…}} placeholder, a path that
 * escapes the workspace and a scenario without a positive assertion are all reported together,
 * each with its {@code file:line:col}. A typo never silently turns a check off.
 *
 * <p>This class states the top level, {@code [defaults]}, {@code [[scenario]]} and its {@code
 * source}; {@link RequiresReader} states {@code requires}; {@link NeedsReader} states {@code needs};
 * {@link ClassifyReader} states {@code
 * [[classify]]}; {@link RetiredReader} states {@code [retired]}; {@link StepReader} states {@code [[scenario.step]]} (with {@link ServiceReader}, {@link
 * ProbeReader} and {@link ExpectReader}); {@link TomlReader} does the typed reading and gathers the
 * problems.
 */
public final class ManifestLoader {
    /** The one manifest format this version reads. */
    public static final int FORMAT = 1;

    /** The step timeout when {@code [defaults] timeout} is not set. */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofMinutes(10);

    private static final Set<String> ROOT_KEYS = Set.of("format", "defaults", "scenario", "classify", "retired");
    private static final Set<String> DEFAULTS_KEYS = Set.of("timeout", "env", SecretEnvReader.KEY);
    private static final Set<String> SCENARIO_KEYS = Set.of(
            "name",
            "description",
            "owners",
            "tags",
            "source",
            "env",
            "timeout",
            "requires",
            "step",
            "needs",
            SecretEnvReader.KEY);
    private static final Set<String> SOURCE_KEYS = Set.of("checkout", "repo-url", "ref", "untracked");

    private final Placeholders placeholders;
    private final FrontEnd frontEnd;
    private final boolean update;

    /**
     * @param placeholders the values {@code ${…}} may name; unknown names are errors
     * @param frontEnd how messages name the manifest and skip settings, such as {@code -Dsmoke.manifest}
     */
    public ManifestLoader(Placeholders placeholders, FrontEnd frontEnd) {
        this(placeholders, frontEnd, false);
    }

    private ManifestLoader(Placeholders placeholders, FrontEnd frontEnd, boolean update) {
        this.placeholders = Objects.requireNonNull(placeholders, "placeholders");
        this.frontEnd = Objects.requireNonNull(frontEnd, "frontEnd");
        this.update = update;
    }

    /**
     * @param update whether the gate runs in update mode, where a golden file ({@code equals-file})
     *     that does not exist yet is no problem: the run creates it
     * @return a loader like this one, in that mode
     */
    public ManifestLoader updating(boolean update) {
        return new ManifestLoader(placeholders, frontEnd, update);
    }

    /**
     * Loads and validates a manifest.
     *
     * @param file the manifest file
     * @param displayName how to name the file in messages (usually relative to the project)
     * @return the manifest
     * @throws ManifestException when the file is missing or unreadable, at its first bad byte when it is
     *     not UTF-8 ({@link ManifestText}), or with every problem found
     */
    public Manifest load(Path file, String displayName) throws ManifestException {
        TomlParseResult toml;
        try {
            toml = TomlText.parse(ManifestText.read(file, displayName), displayName);
        } catch (NoSuchFileException e) {
            throw new ManifestException(
                    "Smoke manifest not found: " + displayName + ". Create it (see the usage page), point "
                            + frontEnd.setting(Setting.MANIFEST) + " at it, or set " + frontEnd.setting(Setting.SKIP)
                            + "=true.",
                    e);
        } catch (IOException e) {
            throw new ManifestException(
                    "Smoke manifest " + displayName + " cannot be read: " + e + ". Check its permissions.", e);
        }
        NeedsReader needs = new NeedsReader();
        Reader reader =
                new Reader(new TomlReader(displayName, needs.exportRule(this::unknownPlaceholder)), file, needs);
        if (toml.hasErrors()) {
            reader.toml.syntaxErrors(toml);
            throw new ManifestException(reader.toml.problems());
        }
        Manifest manifest = reader.manifest(file, toml);
        if (!reader.toml.problems().isEmpty()) {
            throw new ManifestException(reader.toml.problems());
        }
        return manifest;
    }

    /** The rule for every interpolated string: each {@code ${…}} must name a known value. */
    private Optional<String> unknownPlaceholder(String text, String key, String context) {
        if (Placeholders.unclosed(text)) {
            return Optional.of("unclosed placeholder in '" + key + "' of " + context + ": \"" + text
                    + "\". Close it with '}', or write $${ for a literal ${.");
        }
        return placeholders.firstUnknown(text).map(name -> placeholderMessage(name, key, context));
    }

    private static String placeholderMessage(String name, String key, String context) {
        if (name.startsWith(Placeholders.PORT_PREFIX)) {
            return "bad port name in ${" + name + "} in '" + key + "' of " + context + ": '"
                    + name.substring(Placeholders.PORT_PREFIX.length()) + "'. A port name matches "
                    + Placeholders.PORT_NAME.pattern()
                    + ": use lower case, digits, '.', '_' and '-', e.g. ${port.http}.";
        }
        return "unknown placeholder ${" + name + "} in '" + key + "' of " + context
                + ". Use a Maven project property, ${env.NAME} for a set environment variable, or one of "
                + Placeholders.GATE_VALUES.stream()
                        .sorted()
                        .map(gate -> "${" + gate + "}")
                        .collect(Collectors.joining(", "))
                + "; write $${ for a literal ${.";
    }

    /** One load: the document's reader (with the problems found so far) and the reader of its steps. */
    private final class Reader {
        private final TomlReader toml;
        private final StepReader steps;
        private final RequiresReader requires;
        private final NeedsReader needs;
        private List<String> defaultSecretEnv = List.of();

        Reader(TomlReader toml, Path file, NeedsReader needs) {
            this.toml = toml;
            this.needs = needs;
            this.requires = new RequiresReader(toml);
            Path folder = file.toAbsolutePath().getParent();
            this.steps = new StepReader(
                    toml,
                    placeholders,
                    folder,
                    new GoldenPaths(toml, folder, update, frontEnd.setting(Setting.UPDATE)));
        }

        Manifest manifest(Path path, TomlParseResult root) {
            Location top = toml.top();
            toml.keys(root, ROOT_KEYS, "the top level of the manifest");
            Object format = root.get(List.of("format"));
            if (format == null) {
                toml.problem(top, "missing key 'format'. Add `format = 1` as the first line.");
            } else if (!(format instanceof Long) || (Long) format != FORMAT) {
                toml.problem(
                        toml.at(root, "format"),
                        "unsupported format " + TomlReader.describe(format)
                                + "; this plugin reads format = 1. Set `format = 1`.");
            }
            Duration defaultTimeout = DEFAULT_STEP_TIMEOUT;
            Map<String, String> defaultEnv = Map.of();
            TomlTable defaults = toml.table(root, "defaults", "the top level", DEFAULTS_KEYS, "[defaults]");
            if (defaults != null) {
                Duration timeout = toml.duration(defaults, "timeout", "[defaults]");
                defaultTimeout = timeout == null ? DEFAULT_STEP_TIMEOUT : timeout;
                defaultEnv = toml.textTable(defaults, "env", "[defaults]");
                defaultSecretEnv = SecretEnvReader.read(toml, defaults, "[defaults]");
            }
            List<Scenario> scenarios = new ArrayList<>();
            Object scenarioValue = root.get(List.of("scenario"));
            if (scenarioValue == null) {
                toml.problem(top, "no scenario. Add at least one [[scenario]] table with [[scenario.step]] tables.");
            } else if (!(scenarioValue instanceof TomlArray array) || !TomlReader.tablesOnly(array)) {
                toml.problem(
                        toml.at(root, "scenario"),
                        "'scenario' must be an array of tables written [[scenario]]; found "
                                + TomlReader.describe(scenarioValue) + ".");
            } else {
                Names names = new Names(toml, "scenario");
                for (int i = 0; i < array.size(); i++) {
                    Scenario scenario = scenario(array.getTable(i), toml.position(array.inputPositionOf(i)), names);
                    if (scenario != null) {
                        scenarios.add(scenario);
                    }
                }
                needs.check(toml, names);
            }
            List<ClassifyRule> rules = new ClassifyReader(toml).rules(root);
            Map<String, String> retired = new RetiredReader(toml).read(root, scenarios);
            return new Manifest(path, defaultTimeout, defaultEnv, scenarios, rules, retired);
        }

        private Scenario scenario(TomlTable table, Location where, Names names) {
            String context = "[[scenario]]";
            toml.keys(table, SCENARIO_KEYS, context);
            String name = names.read(table, context, where);
            String scenarioContext = name == null ? context : "[[scenario]] '" + name + "'";
            List<String> needed = needs.read(toml, table, scenarioContext, name);
            String description = toml.string(table, "description", scenarioContext);
            List<String> owners = toml.strings(table, "owners", scenarioContext);
            List<String> tags = toml.strings(table, "tags", scenarioContext);
            Source source = source(table, scenarioContext);
            Map<String, String> env = toml.textTable(table, "env", scenarioContext);
            Duration timeout = toml.duration(table, "timeout", scenarioContext);
            Requirements requirements = requires.read(table, scenarioContext);
            List<String> secretEnv =
                    SecretEnvReader.merge(defaultSecretEnv, SecretEnvReader.read(toml, table, scenarioContext));
            List<Step> steps = new ArrayList<>();
            Object stepValue = table.get(List.of("step"));
            if (stepValue == null) {
                toml.problem(where, scenarioContext + " has no steps. Add [[scenario.step]] tables after it.");
            } else if (!(stepValue instanceof TomlArray array) || !TomlReader.tablesOnly(array)) {
                toml.problem(
                        toml.at(table, "step"),
                        "'step' in " + scenarioContext + " must be an array of tables written [[scenario.step]]; found "
                                + TomlReader.describe(stepValue) + ".");
            } else {
                Names stepNames = new Names(toml, "step");
                Names serviceNames = Names.services(toml);
                for (int i = 0; i < array.size(); i++) {
                    Step step = this.steps.step(
                            array.getTable(i),
                            toml.position(array.inputPositionOf(i)),
                            i + 1,
                            stepNames,
                            serviceNames,
                            scenarioContext);
                    if (step != null) {
                        steps.add(step);
                    }
                }
                if (name != null
                        && steps.size() == array.size()
                        && steps.stream().noneMatch(step -> step.expect().hasPositive())) {
                    toml.problem(where, noPositiveAssertion(name, steps));
                }
            }
            needs.leave();
            if (name == null || source == null || requirements == null) {
                return null;
            }
            return new Scenario(
                    name,
                    description == null ? "" : description,
                    owners,
                    tags,
                    source,
                    env,
                    timeout,
                    steps,
                    where,
                    requirements,
                    needed,
                    secretEnv);
        }

        /** The no-eyeball rule's message; a scenario with services is also told about probes and logs. */
        private static String noPositiveAssertion(String name, List<Step> steps) {
            boolean services = steps.stream()
                    .anyMatch(step -> !(step.action() instanceof Action.Run
                            || step.action() instanceof Action.Patch
                            || step.action() instanceof Action.Export));
            if (!services) {
                return "scenario '" + name + "' has no positive assertion on output: nothing checks what it"
                        + " printed or wrote. Add expect.stdout.contains, expect.stdout.matches, expect.json or"
                        + " expect.files.contains to a step; exit codes, files.exist and not-contains alone do not count.";
            }
            return "scenario '" + name + "' has no positive assertion on output: nothing checks what it printed,"
                    + " wrote or answered. Add expect.body.contains, expect.json or expect.headers.contains to an http"
                    + " or tcp step, expect.log.contains to a service or stop step, or expect.stdout.contains to a run"
                    + " step; a passing readiness probe, exit codes, expect.status, files.exist and not-contains alone"
                    + " do not count.";
        }

        private Source source(TomlTable scenario, String context) {
            String sourceContext = context + " source";
            TomlTable source = toml.table(scenario, "source", context, SOURCE_KEYS, sourceContext);
            if (source == null) {
                return scenario.get(List.of("source")) == null ? new Source.Checkout(".", UntrackedMode.INCLUDE) : null;
            }
            String checkout = toml.text(source, "checkout", sourceContext);
            String url = toml.text(source, "repo-url", sourceContext);
            String ref = toml.text(source, "ref", sourceContext);
            String untracked = toml.string(source, "untracked", sourceContext);
            if (checkout != null
                    && !PathText.check(toml, toml.at(source, "checkout"), "source.checkout in " + context, checkout)) {
                return null;
            }
            if (checkout != null && url != null) {
                toml.bothSet(
                        source, "source.", "checkout", "repo-url", context, "a local checkout or a clone of a URL");
                return null;
            }
            if (url != null) {
                if (untracked != null) {
                    toml.problem(
                            toml.at(source, "untracked"),
                            "source.untracked applies only to source.checkout, not to a clone, in " + context
                                    + ". Remove it.");
                }
                return new Source.Clone(url, ref);
            }
            if (ref != null) {
                toml.problem(
                        toml.at(source, "ref"),
                        "source.ref applies only to source.repo-url in " + context
                                + ". Remove it, or clone with source.repo-url.");
            }
            UntrackedMode mode = UntrackedMode.INCLUDE;
            if (untracked != null) {
                switch (untracked) {
                    case "include" -> mode = UntrackedMode.INCLUDE;
                    case "exclude" -> mode = UntrackedMode.EXCLUDE;
                    default -> toml.problem(
                            toml.at(source, "untracked"),
                            "source.untracked in " + context + " must be \"include\" or \"exclude\"; found \""
                                    + untracked + "\".");
                }
            }
            return new Source.Checkout(checkout == null ? "." : checkout, mode);
        }
    }
}
