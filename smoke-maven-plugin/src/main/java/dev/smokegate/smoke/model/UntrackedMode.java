package dev.smokegate.smoke.model;

/** Whether untracked files that git does not ignore are copied into a checkout workspace. */
public enum UntrackedMode {
    /** Copy them (the default): the sandbox sees what {@code git status} calls untracked. */
    INCLUDE,
    /** Leave them out: the sandbox holds only what the index tracks. */
    EXCLUDE
}
