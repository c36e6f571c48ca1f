package dev.smokegate.smoke.init;

import dev.smokegate.smoke.model.FrontEnd;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tomlj.Toml;

/**
 * The text of a first manifest (format 1). Pure functions of the request and of the lines the
 * project's build printed; strings are written with tomlj's escaping.
 */
public final class ManifestDraft {
    /** What every successful Maven build prints last, and the first check of each step. */
    public static final String BUILD_SUCCESS = "BUILD SUCCESS";

    /**
     * Surefire's and failsafe's results line of a module, after Maven's level prefix: {@code Tests
     * run: 4, Failures: 0, Errors: 0, Skipped: 0}. The per-class lines end in {@code , Time elapsed:
     * …} and do not match.
     */
    private static final Pattern TEST_SUMMARY =
            Pattern.compile("^(?:\\[[A-Z]+] )?(Tests run: \\d+, Failures: \\d+, Errors: \\d+, Skipped: \\d+)\\s*$");

    private static final Pattern NOT_IN_NAME = Pattern.compile("[^a-z0-9._-]+");

    private ManifestDraft() {}

    /**
     * @param stem a project name such as {@code maven-shared-utils} or {@code My App}
     * @return a scenario name stem that the manifest accepts: lower case, other characters folded to
     *     {@code -}, starting with a letter or digit; {@code project} when nothing is left
     */
    public static String scenarioName(String stem) {
        String name = NOT_IN_NAME.matcher(stem.toLowerCase(Locale.ROOT)).replaceAll("-");
        name = name.replaceFirst("^[._-]+", "").replaceFirst("[._-]+$", "");
        return name.isEmpty() ? "project" : name;
    }

    /**
     * The distinct test results lines of a build's output, in order: one per module that ran tests.
     *
     * @param lines the build's standard output
     * @return lines such as {@code Tests run: 4, Failures: 0, Errors: 0, Skipped: 0}, without Maven's
     *     level prefix; empty when no tests ran
     */
    public static List<String> testSummaries(List<String> lines) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher matcher = TEST_SUMMARY.matcher(line);
            if (matcher.matches()) {
                found.add(matcher.group(1));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The manifest of the sample run: the checkout scenario with both steps, each checking only
     * {@value #BUILD_SUCCESS}.
     *
     * @param request the init request
     * @return the manifest's text
     */
    public static String sample(InitRequest request) {
        String name = scenarioName(request.scenario()) + "-local";
        return "format = 1\n\n[defaults]\ntimeout = \"30m\"\n\n" + checkoutScenario(request, name, List.of());
    }

    /**
     * The manifest {@code smoke:init} writes.
     *
     * @param request the init request
     * @param testLines the results lines the test step printed, from {@link #testSummaries}
     * @return the manifest's text: a header, the checkout scenario with {@code contains} checks of
     *     {@value #BUILD_SUCCESS} and of every line of {@code testLines}, a comment on patch, rerun and
     *     export steps, and a commented clone scenario
     */
    public static String manifest(InitRequest request, List<String> testLines) {
        String stem = scenarioName(request.scenario());
        FrontEnd words = request.sample().frontEnd();
        String repoUrl = words.setting(FrontEnd.Setting.REPO_URL);
        String ref = words.setting(FrontEnd.Setting.REF);
        StringBuilder toml = new StringBuilder();
        toml.append("# The smoke gate of ")
                .append(request.scenario())
                .append(", drafted by smoke:init from a run of the project's own build\n")
                .append("# (")
                .append(request.installCommand())
                .append(", then ")
                .append(request.testCommand())
                .append("). Run it with: ")
                .append(request.verifyCommand())
                .append("\n# Every key is described on the site's \"Manifest format 1\" page.\n")
                .append("format = 1\n\n[defaults]\ntimeout = \"30m\"\n\n")
                .append("# Local startup: a copy of this checkout (what git tracks, plus untracked files it does not\n")
                .append("# ignore, with your uncommitted edits). The checkout itself is never written to.\n")
                .append(checkoutScenario(request, stem + "-local", testLines));
        // Plain strings: the plugin descriptor's source parser (QDox) does not read text blocks.
        toml.append(String.join(
                        "\n",
                        "",
                        "# The loop goes on with a patch that should break a test, the rerun that shows it, and an",
                        "# export of what changed. Write the patch (a unified diff, relative to this file's folder,",
                        "# such as the output of git diff), remove the leading '# ' of the steps and fill in what",
                        "# the rerun prints:",
                        "#",
                        "#   [[scenario.step]]",
                        "#   name = \"patch\"",
                        "#   patch = \"patches/break-a-test.diff\"",
                        "#   expect.stdout.contains = [\"src/main/java/\"]",
                        "#",
                        "#   [[scenario.step]]",
                        "#   name = \"rerun\"",
                        "#   run = " + quoted(request.testCommand()) + "",
                        "#   expect.exit = 1",
                        "#   expect.stdout.contains = [\"Tests run:\", \"BUILD FAILURE\"]",
                        "#",
                        "#   [[scenario.step]]",
                        "#   name = \"export\"",
                        "#   export.diff = \"changes.diff\"",
                        "#   export.files = [\"target/*.jar\"]",
                        "#   expect.files.exist = [\"${smoke.export}/changes.diff\"]",
                        ""))
                .append("\n");
        toml.append("# --repo-url startup: the same steps on a clean clone of a URL at a branch, tag or commit.\n")
                .append("# Remove the leading '# ' and set the URL. In a CI stage, ")
                .append(repoUrl)
                .append("=<url> ")
                .append(ref)
                .append("=<ref>\n")
                .append("# turns the scenario above into such a clone without editing this file.\n#\n");
        String clone = checkoutScenario(request, stem + "-clone", testLines)
                .replace(
                        "source.checkout = \".\"",
                        "source.repo-url = \"https://git.example.org/team/" + stem + ".git\"\nsource.ref = \"main\"")
                .replace("on a copy of this checkout", "on a clean clone");
        toml.append(clone.lines()
                .map(line -> line.isEmpty() ? "#" : "# " + line)
                .collect(Collectors.joining("\n", "", "\n")));
        return toml.toString();
    }

    private static String checkoutScenario(InitRequest request, String name, List<String> testLines) {
        List<String> testChecks = new ArrayList<>(testLines);
        testChecks.add(BUILD_SUCCESS);
        return "[[scenario]]\n"
                + "name = " + quoted(name) + "\n"
                + "description = \"install, then test, on a copy of this checkout\"\n"
                + "source.checkout = \".\"\n\n"
                + step("install", request.installCommand(), List.of(BUILD_SUCCESS))
                + "\n"
                + step("test", request.testCommand(), testChecks);
    }

    private static String step(String name, String command, List<String> contains) {
        return "  [[scenario.step]]\n"
                + "  name = " + quoted(name) + "\n"
                + "  run = " + quoted(command) + "\n"
                + "  expect.stdout.contains = ["
                + contains.stream().map(ManifestDraft::quoted).collect(Collectors.joining(", "))
                + "]\n";
    }

    private static String quoted(String text) {
        return "\"" + Toml.tomlEscape(text) + "\"";
    }
}
