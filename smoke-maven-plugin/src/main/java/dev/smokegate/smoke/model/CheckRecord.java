package dev.smokegate.smoke.model;

import java.util.Objects;

/**
 * One check of a step as the reports show it.
 *
 * @param check what was checked, as the check's {@code toString()} reads ({@code exit code 0},
 *     {@code stdout contains 'BUILD SUCCESS'})
 * @param passed whether it held
 * @param seen what was seen ({@code exit code 1}, {@code found at line 12}), or {@code null} when the
 *     check says nothing about it
 */
public record CheckRecord(String check, boolean passed, String seen) {
    /** @throws NullPointerException when check is {@code null} */
    public CheckRecord {
        Objects.requireNonNull(check, "check");
    }
}
