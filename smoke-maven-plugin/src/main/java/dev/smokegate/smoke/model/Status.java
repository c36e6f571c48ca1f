package dev.smokegate.smoke.model;

/** The outcome of a scenario. */
public enum Status {
    PASS,
    FAIL,
    /** Not run, loudly: the reason is printed and reported; never counted as a pass. */
    SKIP
}
