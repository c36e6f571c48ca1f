package dev.smokegate.smoke.assertion;

import java.util.List;
import java.util.Objects;

/**
 * A response header of a probe holds a text: the header is found by name without regard to case
 * (RFC 9110, section 5.1) and passes when one of its values contains the text exactly ({@code
 * text/html} in {@code text/html;charset=UTF-8}).
 */
public final class HeaderContainsCheck implements Check {

    /** Header names listed, at most, when the wanted one is missing. */
    static final int LISTED_NAMES = 10;

    private final String name;
    private final String text;

    /**
     * @param name the header name, in any case
     * @param text the text one of its values must contain
     */
    public HeaderContainsCheck(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * Passes with the header as {@code seen} ({@code Content-Type: text/html;charset=UTF-8}). Fails
     * with the header's values, with {@code no Content-Type header; the response has content-length,
     * date} when it is missing, or with {@code no response}.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        String expectation = "expected header " + name + " to contain " + Texts.quote(text);
        if (output.response() == null) {
            return CheckResult.fail(expectation, "no response", null);
        }
        List<String> values = output.response().values(name);
        if (values.isEmpty()) {
            List<String> names = List.copyOf(output.response().headers().keySet());
            String has = names.isEmpty()
                    ? "the response has no headers"
                    : "the response has " + String.join(", ", names.subList(0, Math.min(LISTED_NAMES, names.size())))
                            + (names.size() > LISTED_NAMES ? " and " + (names.size() - LISTED_NAMES) + " more" : "");
            return CheckResult.fail(expectation, "no " + name + " header; " + has, null);
        }
        String seen = name + ": " + Texts.escape(String.join(", ", values));
        boolean found = values.stream().anyMatch(value -> value.contains(text));
        return new CheckResult(found, expectation, seen, found ? null : seen);
    }

    @Override
    public String toString() {
        return "header " + name + " contains " + Texts.quote(text);
    }
}
