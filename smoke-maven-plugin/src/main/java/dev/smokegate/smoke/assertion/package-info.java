/**
 * The checks of a step's {@code expect} table, one small class per kind, each evaluated against
 * what the step left behind: its exit code, its logs and the files in its working directory.
 *
 * <p>Plain Java: nothing here imports Maven. Logs are read as streams, never whole, so a step that
 * printed a gigabyte is checked in a few megabytes of memory. Start at {@link
 * dev.smokegate.smoke.assertion.Checks#of}.
 */
package dev.smokegate.smoke.assertion;
