package dev.smokegate.smoke.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bad-input corpus in {@code src/test/resources/bad-inputs/} (see its {@code README.md}): every
 * input file of the five folders with the message it must produce, found on the test class path.
 *
 * <p>The site publishes the corpus count from here: {@link #countsByFolder()}, or run {@link
 * #main} on the test class path, which prints one {@code folder<TAB>count} line per folder and a
 * {@code total<TAB>count} line.
 */
public final class BadInputCorpus {

    /** The folders, in the order the site lists them: what each holds is in the README. */
    public static final List<String> FOLDERS = List.of("manifests", "patches", "urls", "refs", "paths");

    /** The suffix of the file holding an input's expected message. */
    public static final String EXPECTED = ".expected";

    private BadInputCorpus() {}

    /**
     * One bad input.
     *
     * @param folder one of {@link #FOLDERS}: what kind of input it is and which code path reads it
     * @param input the input file
     * @param expected the file holding its expected message (it may not exist yet in record mode)
     */
    public record Case(String folder, Path input, Path expected) {
        /** @return the input's file name, such as {@code type-step-run-1.toml} */
        public String fileName() {
            return input.getFileName().toString();
        }

        @Override
        public String toString() {
            return folder + "/" + fileName();
        }
    }

    /** @return the corpus folder on the class path ({@code target/test-classes/bad-inputs}) */
    public static Path root() {
        URL readme = BadInputCorpus.class.getResource("/bad-inputs/README.md");
        if (readme == null) {
            throw new IllegalStateException("bad-inputs/README.md is not on the test class path");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return every case, folder by folder, each folder's files sorted by name */
    public static List<Case> cases() {
        Path root = root();
        List<Case> cases = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                files.filter(file -> !file.getFileName().toString().endsWith(EXPECTED))
                        .sorted()
                        .forEach(file ->
                                cases.add(new Case(folder, file, file.resolveSibling(file.getFileName() + EXPECTED))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    /** @return the number of cases in each folder, in the order of {@link #FOLDERS} */
    public static Map<String, Integer> countsByFolder() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        FOLDERS.forEach(folder -> counts.put(folder, 0));
        cases().forEach(c -> counts.merge(c.folder(), 1, Integer::sum));
        return counts;
    }

    /** @return the number of cases in the whole corpus */
    public static int count() {
        return cases().size();
    }

    /**
     * Prints {@code folder<TAB>count} per folder, then {@code total<TAB>count}.
     *
     * @param args none
     */
    public static void main(String[] args) {
        countsByFolder().forEach((folder, count) -> System.out.println(folder + "\t" + count));
        System.out.println("total\t" + count());
    }
}
