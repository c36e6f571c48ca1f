package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.UntrackedMode;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Test helper, the main class of the child JVM that {@link CheckoutCopierUnprivilegedTest} starts as
 * an unprivileged user: copies a checkout with the real {@link CheckoutCopier} ({@link
 * UntrackedMode#INCLUDE}) and prints the outcome as machine-readable lines on standard output:
 *
 * <ul>
 *   <li>on success, {@code skipped <path> <reason>} for each skipped entry (in the report's order;
 *       the reason is the rest of the line), then {@code files <n>};
 *   <li>on a {@link WorkspaceException}, one line {@code error <REASON> <message>}.
 * </ul>
 *
 * <p>Exit code 0 in both cases; 1, with the stack trace on standard error, for any other exception;
 * 2 for wrong arguments.
 *
 * <p>Arguments: the checkout folder, then the target folder.
 */
final class CopyAsUserMain {

    private CopyAsUserMain() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length != 2) {
            System.err.println("usage: CopyAsUserMain <checkout> <target>");
            System.exit(2);
        }
        try {
            CopyReport report = new CheckoutCopier(SmokeLog.silent(), MavenFrontEnd.INSTANCE)
                    .copy(Path.of(args[0]), Path.of(args[1]), UntrackedMode.INCLUDE);
            for (Skipped skipped : report.skipped()) {
                out.println("skipped " + skipped.path() + " " + skipped.reason());
            }
            out.println("files " + report.files());
        } catch (WorkspaceException e) {
            out.println("error " + e.reason() + " " + e.getMessage());
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        out.flush();
    }
}
