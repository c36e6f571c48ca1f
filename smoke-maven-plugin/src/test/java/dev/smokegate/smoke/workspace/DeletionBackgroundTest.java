package dev.smokegate.smoke.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionBackgroundTest {

    @TempDir
    Path tmp;

    @Test
    void deleteInBackground_folderWithFiles_goneAtOnceAndDeletedByTheEnd() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("work/scenario/workspace/src"));
        Files.writeString(folder.resolve("A.java"), "class A {}\n");
        Path scenario = tmp.resolve("work/scenario");
        List<String> debug = new ArrayList<>();

        boolean there = Deletion.deleteInBackground(scenario, debug::add);

        assertThat(there).isTrue();
        assertThat(scenario).doesNotExist();
        Files.createDirectories(scenario); // the new run's folder, at once
        Deletion.awaitBackground();
        assertThat(children(tmp.resolve("work"))).containsExactly("scenario");
        assertThat(debug).singleElement().asString().startsWith("timing: deleted 1 earlier folder(s) of " + scenario);
    }

    @Test
    void deleteInBackground_leftoverOfAnEarlierJvm_deletedToo() throws Exception {
        Path leftover = Files.createDirectories(tmp.resolve("work/.scenario.deleting-1-1/workspace"));
        Files.writeString(leftover.resolve("file.txt"), "left behind\n");

        Deletion.deleteInBackground(tmp.resolve("work/scenario"), message -> {});
        Deletion.awaitBackground();

        assertThat(children(tmp.resolve("work"))).isEmpty();
    }

    @Test
    void deleteInBackground_nothingThere_startsNothing() throws Exception {
        boolean there = Deletion.deleteInBackground(tmp.resolve("absent"), message -> {});

        assertThat(there).isFalse();
        assertThat(Deletion.awaitBackground()).isZero();
    }

    private static List<String> children(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
