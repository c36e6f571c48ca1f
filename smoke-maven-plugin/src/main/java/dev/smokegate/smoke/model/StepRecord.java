package dev.smokegate.smoke.model;

import java.time.Duration;

/**
 * A step that ran.
 *
 * @param name the step name
 * @param number 1-based position
 * @param elapsed wall-clock time
 * @param passed whether every check held
 */
public record StepRecord(String name, int number, Duration elapsed, boolean passed) {}
