package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Redaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command to run: the argument vector, its working directory and the environment variables it
 * adds to (or overrides in) the inherited environment.
 *
 * @param command the argument vector; {@code command.get(0)} is the program, looked up on {@code
 *     PATH}; never empty
 * @param cwd the working directory; must exist when the command runs
 * @param env variables set on top of the environment of this JVM; a key present here replaces the
 *     inherited value
 * @param redaction masks secret values in the command's logs as they are written ({@link
 *     Redaction#streamMask()}) and redacts the lines the runner adds to them
 */
public record CommandSpec(List<String> command, Path cwd, Map<String, String> env, Redaction redaction) {

    /** Characters that need no quoting in a POSIX shell word. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /**
     * @param command the argument vector, not empty
     * @param cwd the working directory
     * @param env variables added to the inherited environment
     * @throws IllegalArgumentException if {@code command} is empty
     * @throws NullPointerException if an argument, {@code cwd}, or an environment key or value is
     *     {@code null}
     */
    public CommandSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(env);
        Objects.requireNonNull(redaction, "redaction");
    }

    /**
     * A command whose logs get the {@link Redaction#standard() standard} redaction only.
     *
     * @param command the argument vector, not empty
     * @param cwd the working directory
     * @param env variables added to the inherited environment
     */
    public CommandSpec(List<String> command, Path cwd, Map<String, String> env) {
        this(command, cwd, env, Redaction.standard());
    }

    /**
     * @param masks the redaction of this command's logs
     * @return this command with that redaction
     */
    public CommandSpec withRedaction(Redaction masks) {
        return new CommandSpec(command, cwd, env, masks);
    }

    /** Names the command, never the values of its environment, which may be secrets. */
    @Override
    public String toString() {
        return "CommandSpec[" + redaction.apply(display()) + " in " + cwd + ", env " + env.keySet() + "]";
    }

    /**
     * A command line run by the POSIX shell, as {@code sh -c line}: pipes, redirections,
     * {@code &&} and variables work as in a terminal.
     *
     * @param line the command line
     * @param cwd the working directory
     * @param env variables added to the inherited environment
     * @return {@code ["sh", "-c", line]} in {@code cwd}
     */
    public static CommandSpec shell(String line, Path cwd, Map<String, String> env) {
        return new CommandSpec(List.of("sh", "-c", Objects.requireNonNull(line, "line")), cwd, env);
    }

    /**
     * An argument vector run without a shell: no word splitting, globbing or variable expansion.
     *
     * @param args the program and its arguments
     * @param cwd the working directory
     * @param env variables added to the inherited environment
     * @return the command {@code args} in {@code cwd}
     */
    public static CommandSpec args(List<String> args, Path cwd, Map<String, String> env) {
        return new CommandSpec(args, cwd, env);
    }

    /**
     * How the command reads in a failure report: the command line itself for {@code sh -c line};
     * otherwise the arguments joined by spaces, each quoted for a POSIX shell when it needs it, so
     * the text can be pasted into a terminal.
     *
     * @return the command as a user would type it
     */
    public String display() {
        if (command.size() == 3 && command.get(0).equals("sh") && command.get(1).equals("-c")) {
            return command.get(2);
        }
        return command.stream().map(CommandSpec::shellWord).collect(Collectors.joining(" "));
    }

    private static String shellWord(String arg) {
        if (PLAIN_WORD.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
