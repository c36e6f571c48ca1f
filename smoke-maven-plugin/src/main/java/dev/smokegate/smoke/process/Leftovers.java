package dev.smokegate.smoke.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The processes of a tree still running when they should not be: background jobs a step did not
 * wait for, or a daemon a service forked and left behind when it stopped. Their command lines are
 * read when they are found, so they can still be named after they are killed.
 *
 * @param processes the processes, parents before children
 * @param named each as {@code pid <n>: <command line>}, the command line cut to {@value
 *     #COMMAND_CHARS} characters
 * @param shown each as {@code <n> (<command line>)}, as the combined log's note names them
 */
record Leftovers(List<ProcessHandle> processes, List<String> named, List<String> shown) {

    /** Characters of a process's command line shown. */
    static final int COMMAND_CHARS = 100;

    /** Reads of a process's command line in all, at most, while it shows none (it may be mid-exec). */
    static final int COMMAND_READS = 11;

    /** Milliseconds between two reads of a process's command line. */
    static final int COMMAND_PAUSE_MILLIS = 10;

    /** Leftover processes named in the combined log's note, at most. */
    private static final int SHOWN_IN_NOTE = 3;

    Leftovers {
        processes = List.copyOf(processes);
        named = List.copyOf(named);
        shown = List.copyOf(shown);
    }

    /**
     * The running processes of {@code tree}, as {@link ProcessTree#members()} finds them.
     *
     * @param tree the tree; its root counts too, if it still runs
     * @return the leftovers, empty when none runs
     */
    static Leftovers of(ProcessTree tree) {
        List<ProcessHandle> processes = tree.members();
        List<String> commands = processes.stream().map(Leftovers::commandLine).toList();
        List<String> named = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            long pid = processes.get(i).pid();
            named.add("pid " + pid + ": " + commands.get(i));
            shown.add(pid + " (" + commands.get(i) + ")");
        }
        return new Leftovers(processes, named, shown);
    }

    boolean isEmpty() {
        return processes.isEmpty();
    }

    /**
     * The note for the combined log after they were killed, for example {@code [smoke] killed 1
     * background process still running when the step ended: 4242 (sleep 100)}; the first {@value
     * #SHOWN_IN_NOTE} are named, then {@code and 2 more}.
     *
     * @param when when they were found, e.g. {@code when the step ended}
     * @return the note
     */
    String killedNote(String when) {
        String which = shown.stream().limit(SHOWN_IN_NOTE).collect(Collectors.joining(", "));
        if (shown.size() > SHOWN_IN_NOTE) {
            which += " and " + (shown.size() - SHOWN_IN_NOTE) + " more";
        }
        return "[smoke] killed " + count() + " still running " + when + ": " + which;
    }

    /** {@code 1 background process} or {@code 3 background processes}. */
    String count() {
        return processes.size() == 1 ? "1 background process" : processes.size() + " background processes";
    }

    private static String commandLine(ProcessHandle process) {
        return commandLine(process::info, process::isAlive, Leftovers::pause);
    }

    /**
     * The command line of a process, cut to {@value #COMMAND_CHARS} characters. A process caught
     * in the middle of {@code execve(2)} already shows its new executable but not yet its arguments
     * ({@code /proc/<pid>/cmdline} is empty until the kernel has set up the new stack), so while
     * the process runs and has no command line, it is read again, {@value #COMMAND_PAUSE_MILLIS} ms
     * apart, up to {@value #COMMAND_READS} reads in all: 100 ms of pauses, the bound that {@link
     * ProcessTree}'s read of {@code /proc/<pid>/environ} needed for the same window on a loaded
     * machine (10 ms was not enough there). After that the executable alone is shown, and {@code ?}
     * when neither can be read.
     *
     * @param info reads the process's current information
     * @param alive whether the process still runs
     * @param pause waits between two reads
     * @return the command line, the executable, or {@code ?}
     */
    static String commandLine(Supplier<ProcessHandle.Info> info, BooleanSupplier alive, Runnable pause) {
        ProcessHandle.Info read = info.get();
        for (int reads = 1; read.commandLine().isEmpty() && reads < COMMAND_READS && alive.getAsBoolean(); reads++) {
            pause.run();
            read = info.get();
        }
        String command = read.commandLine().or(read::command).orElse("?");
        return command.length() > COMMAND_CHARS ? command.substring(0, COMMAND_CHARS) + "..." : command;
    }

    private static void pause() {
        try {
            Thread.sleep(COMMAND_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
