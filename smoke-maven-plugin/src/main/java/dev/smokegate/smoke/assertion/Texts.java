package dev.smokegate.smoke.assertion;

import java.util.Locale;

/** Wording shared by the checks' messages. */
final class Texts {

    private Texts() {}

    /** {@code text} in single quotes, with line breaks and tabs shown as {@code \n}, {@code \r}, {@code \t}. */
    static String quote(String text) {
        return "'" + escape(text) + "'";
    }

    /** Line breaks and tabs shown as {@code \n}, {@code \r}, {@code \t}, so a message stays on one line. */
    static String escape(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    /** {@code 1,234} (grouping with commas whatever the default locale). */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 line}, {@code 1,234 lines}. */
    static String count(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }

    /** At most {@code max} characters of {@code text}, then {@code ...} when cut. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "...";
    }
}
