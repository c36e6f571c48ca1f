/**
 * Decides who a failure belongs to (source, runtime or host), as a pure function of the evidence.
 * Plain Java: nothing here imports Maven; a rule that names a front end's setting takes its words
 * from a {@link dev.smokegate.smoke.model.FrontEnd}.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.classify.Classifier}: the ordered table of rules (the manifest's
 *       and the built-in host rules, then a step's {@code blame}, then the manifest's and the
 *       built-in source and runtime rules); the first that matches decides.
 *   <li>{@link dev.smokegate.smoke.classify.Evidence}: what is known about a failure: a process that
 *       ran, a harness problem, a service that did not become ready, a probe that failed, or
 *       processes left running.
 *   <li>{@link dev.smokegate.smoke.classify.Rule}: one rule: stable id, reason, category and matcher.
 * </ul>
 */
package dev.smokegate.smoke.classify;
