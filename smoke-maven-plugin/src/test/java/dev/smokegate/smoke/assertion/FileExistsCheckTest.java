package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExistsCheckTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_matchingFile_passes() throws IOException {
        TestStep step = new TestStep(dir).file("target/app-1.0.jar", "jar");

        assertThat(new FileExistsCheck("target/*.jar").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true, "expected a file matching 'target/*.jar'", "found target/app-1.0.jar", null));
    }

    @Test
    void evaluate_noMatch_failsListingTheFolder() throws IOException {
        TestStep step = new TestStep(dir)
                .file("target/app.war", "")
                .file("target/build.txt", "")
                .dir("target/classes");

        assertThat(new FileExistsCheck("target/*.jar").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected a file matching 'target/*.jar'",
                        "no match; target/ holds app.war, build.txt, classes/",
                        null));
    }

    @Test
    void evaluate_noMatchInBigFolder_listsFirstFiveAndCountsTheRest() throws IOException {
        TestStep step = new TestStep(dir);
        for (char c = 'a'; c <= 'h'; c++) {
            step.file("out/" + c + ".txt", "");
        }

        assertThat(new FileExistsCheck("out/*.jar").evaluate(step.output()).seen())
                .isEqualTo("no match; out/ holds a.txt, b.txt, c.txt, d.txt, e.txt and 3 more");
    }

    @Test
    void evaluate_folderMissing_namesItAndListsTheNearestParent() throws IOException {
        TestStep step = new TestStep(dir).file("pom.xml", "").dir("src/main");

        assertThat(new FileExistsCheck("build/libs/*.jar")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("no match; build/ does not exist, ./ holds pom.xml, src/");
    }

    @Test
    void evaluate_fileWhereFolderExpected_saysSo() throws IOException {
        TestStep step = new TestStep(dir).file("target", "not a folder");

        assertThat(new FileExistsCheck("target/*.jar").evaluate(step.output()).seen())
                .isEqualTo("no match; target is not a folder, ./ holds target");
    }

    @Test
    void evaluate_symlinkedFolderMissingMatch_listsThroughTheLink() throws IOException {
        TestStep step = new TestStep(dir).file("real/a.txt", "");
        Files.createSymbolicLink(step.workDir.resolve("out"), step.workDir.resolve("real"));

        assertThat(new FileExistsCheck("out/sub/*.jar").evaluate(step.output()).seen())
                .isEqualTo("no match; out/sub/ does not exist, out/ holds a.txt");
    }

    @Test
    void evaluate_doubleStar_matchesAtAnyDepth() throws IOException {
        TestStep step = new TestStep(dir).file("a/b/c/report.xml", "");

        assertThat(new FileExistsCheck("**/report.xml").evaluate(step.output()).seen())
                .isEqualTo("found a/b/c/report.xml");
    }

    @Test
    void evaluate_folderMatches_counts() throws IOException {
        TestStep step = new TestStep(dir).dir("target/classes");

        assertThat(new FileExistsCheck("./target/classes")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("found target/classes");
    }

    @Test
    void evaluate_insideGit_ignored() throws IOException {
        TestStep step = new TestStep(dir).file(".git/config", "").file("README", "");

        assertThat(new FileExistsCheck("**/config").evaluate(step.output()).seen())
                .isEqualTo("no match; ./ holds README");
    }

    @Test
    void evaluate_symlinkedFolder_notFollowedButLinkItselfCounts() throws IOException {
        TestStep step = new TestStep(dir).file("real/inside.txt", "");
        Files.createSymbolicLink(step.workDir.resolve("link"), step.workDir.resolve("real"));
        Files.createSymbolicLink(step.workDir.resolve("dangling"), dir.resolve("nowhere"));

        assertThat(new FileExistsCheck("link/*.txt").evaluate(step.output()).passed())
                .isFalse();
        assertThat(new FileExistsCheck("link").evaluate(step.output()).seen()).isEqualTo("found link");
        assertThat(new FileExistsCheck("dangling").evaluate(step.output()).seen())
                .isEqualTo("found dangling");
    }

    @Test
    void evaluate_invalidGlob_failsWithSyntaxError() throws IOException {
        TestStep step = new TestStep(dir);

        assertThat(new FileExistsCheck("target/[").evaluate(step.output()).seen())
                .isEqualTo("invalid glob 'target/[': Missing '] near index 7"); // the JDK's wording
    }

    @Test
    void evaluate_workDirMissing_failsNamingIt() throws IOException {
        TestStep step = new TestStep(dir);
        Files.delete(step.workDir);

        assertThat(new FileExistsCheck("x").evaluate(step.output()).seen())
                .isEqualTo("working directory " + step.workDir + " does not exist");
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new FileExistsCheck("target/*.jar")).hasToString("a file matches 'target/*.jar'");
    }

    @Test
    void evaluate_absoluteGlobOutsideWorkDir_matchesFromTheRoot() throws IOException {
        TestStep step = new TestStep(dir);
        Path export = Files.createDirectories(dir.resolve("export/target"));
        Files.writeString(export.resolve("greeter-1.0.jar"), "jar");
        String glob = dir.toAbsolutePath() + "/export/target/greeter-*.jar";

        CheckResult result = new FileExistsCheck(glob).evaluate(step.output());

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.seen())
                .isEqualTo("found " + dir.toAbsolutePath().toString().substring(1) + "/export/target/greeter-1.0.jar");
    }

    @Test
    void evaluate_absoluteGlobWithoutMatch_listsTheRealFolder() throws IOException {
        TestStep step = new TestStep(dir);
        Files.createDirectories(dir.resolve("export"));
        Files.writeString(dir.resolve("export/changes.diff"), "");
        String glob = dir.toAbsolutePath() + "/export/*.jar";

        CheckResult result = new FileExistsCheck(glob).evaluate(step.output());

        assertThat(result.passed()).isFalse();
        assertThat(result.seen())
                .isEqualTo("no match; " + dir.toAbsolutePath().toString().substring(1) + "/export/ holds changes.diff");
    }
}
