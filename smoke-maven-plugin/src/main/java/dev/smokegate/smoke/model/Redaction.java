package dev.smokegate.smoke.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one redaction of what the gate writes: every line of the console (debug included), the lines
 * the gate writes into step logs, the JUnit XML, the JSON summary and the messages of the errors a
 * front end shows go through {@link #apply(String)} before they leave the engine. It replaces, with
 * {@value #MASK}:
 *
 * <ol>
 *   <li>each secret value given to {@link #of} (the values of a manifest's {@code secret-env}
 *       variables, the passwords of the front end's logins), wherever it appears, the longest first;
 *   <li>the password of a URL's userinfo (RFC 3986 section 3.2.1), keeping the user name: {@code
 *       https://ci:s3cret@host/x.git} becomes {@code https://ci:***@host/x.git}, for every scheme
 *       ({@code http}, {@code https}, {@code ssh}, {@code git+ssh}, …) and for git's scp-like form
 *       {@code ci:s3cret@host:path} when it has a password;
 *   <li>the value of an {@code Authorization} or {@code Proxy-Authorization} header (RFC 9110
 *       section 11.6.2 and 11.7.2), to the end of the line or the next quote: {@code Authorization:
 *       Bearer abc} becomes {@code Authorization: ***}, also as {@code "Authorization": "…"} in JSON
 *       and {@code authorization=…};
 *   <li>a URL's user name that is an access token by its shape, as it is when a token is given
 *       with no password ({@code https://ghp_…@github.example/x.git} becomes {@code
 *       https://***@github.example/x.git}): the prefixes {@code ghp_}, {@code gho_}, {@code ghu_},
 *       {@code ghs_}, {@code ghr_} and {@code github_pat_} of GitHub's token formats and {@code
 *       glpat-} of GitLab's personal access tokens, each followed by at least 20 token characters.
 * </ol>
 *
 * <p>A secret value shorter than {@value #MIN_SECRET_CHARS} characters is not masked: masking
 * {@code "a"} or {@code "1"} would replace that letter or digit throughout a log and make it
 * unreadable, and so short a value gives little away. A value of several lines is masked whole
 * and, as CI servers do, line by line. A password in a URL is masked by its place, whatever its
 * length. A URL's password ends at whitespace, {@code /}, {@code @} or a quote, as the RFC's
 * userinfo does (it has no {@code /} or {@code @} unless percent-encoded).
 *
 * <p>Redact text before escaping it: a writer of XML, JSON or HTML passes each string through
 * {@link #apply(String)} and then escapes it, so that an escaped secret ({@code a&amp;b}) cannot
 * slip past. The raw output of a process is masked as it is written with a {@link StreamMask}, which
 * masks the secret values only: the gate does not rewrite what a process printed beyond that.
 *
 * <p>Instances are immutable and safe for concurrent use. {@link #toString()} never shows a value.
 */
public final class Redaction {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** Secret values shorter than this many characters (code points) are not masked. */
    public static final int MIN_SECRET_CHARS = 4;

    private static final Redaction STANDARD = new Redaction(List.of());

    /** {@code scheme://user:password@}: the password is group 3. */
    private static final Pattern URL_USERINFO =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^\\s/?#@:\"'<>]*):([^\\s/@\"'<>]+)@");

    /** Git's scp-like {@code user:password@host:path}, not after a scheme or path: the password is group 2. */
    private static final Pattern SCP_USERINFO = Pattern.compile(
            "(?<![\\w/:.@%+~-])([A-Za-z0-9._~%+-]+):([^\\s/@:\"'<>]+)@([A-Za-z0-9][A-Za-z0-9.-]*):(?!//)");

    /** {@code scheme://TOKEN@} where the user name has an access token's shape: the token is group 2. */
    private static final Pattern URL_TOKEN_USER =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)((?:gh[pousr]_|github_pat_|glpat-)[A-Za-z0-9_-]{20,})@");

    /** An {@code Authorization} header or field and its value, which is group 3. */
    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?i)\\b((?:proxy-)?authorization)(\"?\\s*[:=]\\s*\"?)([^\\s\"'][^\\r\\n\"']*)");

    private final List<String> values;
    private final Pattern valuePattern;
    private final List<byte[]> valueBytes;

    private Redaction(List<String> values) {
        this.values = values;
        this.valuePattern = values.isEmpty()
                ? null
                : Pattern.compile(values.stream().map(Pattern::quote).collect(Collectors.joining("|")));
        this.valueBytes = values.stream()
                .map(value -> value.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    /**
     * The redaction of URL passwords and {@code Authorization} headers, with no secret values: what
     * a writer uses when it knows no secrets, such as before a manifest is loaded.
     *
     * @return the one such instance
     */
    public static Redaction standard() {
        return STANDARD;
    }

    /**
     * The standard redaction plus the given secret values.
     *
     * @param secrets values to mask; {@code null}, blank and shorter than {@value #MIN_SECRET_CHARS}
     *     characters are left out; a value of several lines is also masked line by line
     * @return the redaction; {@link #standard()} when no value is left
     */
    public static Redaction of(Collection<String> secrets) {
        Set<String> kept = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null) {
                continue;
            }
            keep(kept, secret);
            if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
                secret.lines().forEach(line -> keep(kept, line.strip()));
            }
        }
        if (kept.isEmpty()) {
            return STANDARD;
        }
        List<String> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(sorted));
    }

    private static void keep(Set<String> kept, String value) {
        if (!value.isBlank() && value.codePointCount(0, value.length()) >= MIN_SECRET_CHARS) {
            kept.add(value);
        }
    }

    /**
     * This redaction plus more secret values, as {@link #of} keeps them.
     *
     * @param secrets more values to mask
     * @return the combined redaction
     */
    public Redaction with(Collection<String> secrets) {
        List<String> all = new ArrayList<>(values);
        all.addAll(secrets);
        return of(all);
    }

    /** @return whether this redaction masks secret values (not only URL passwords and headers) */
    public boolean masksValues() {
        return !values.isEmpty();
    }

    /**
     * Redacts one text.
     *
     * @param text any text, of one line or several; {@code null} gives {@code null}
     * @return the text with every secret value, URL password and {@code Authorization} value
     *     replaced by {@value #MASK}
     */
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        if (valuePattern != null) {
            redacted = valuePattern.matcher(redacted).replaceAll(Matcher.quoteReplacement(MASK));
        }
        if (redacted.indexOf('@') >= 0) {
            redacted = URL_USERINFO.matcher(redacted).replaceAll("$1$2:" + Matcher.quoteReplacement(MASK) + "@");
            redacted = SCP_USERINFO.matcher(redacted).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@$3:");
            redacted = URL_TOKEN_USER.matcher(redacted).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        }
        if (containsIgnoreCase(redacted, "authorization")) {
            redacted = AUTHORIZATION.matcher(redacted).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
        }
        return redacted;
    }

    /**
     * The standard redaction of one text, for code that knows no secret values.
     *
     * @param text any text; {@code null} gives {@code null}
     * @return {@code standard().apply(text)}
     */
    public static String redact(String text) {
        return STANDARD.apply(text);
    }

    /**
     * A copy of an exception and its causes (and suppressed exceptions) whose messages are
     * redacted, with the same stack traces, for a front end that prints the chain ({@code mvn -e},
     * {@code -X}). Each copy reads as the original in a stack trace: {@code <original class>:
     * <redacted message>}.
     *
     * @param error the exception; {@code null} gives {@code null}
     * @return the redacted copy
     */
    public Throwable apply(Throwable error) {
        return copy(error, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private Throwable copy(Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error)) {
            return null;
        }
        RedactedException copy = new RedactedException(
                error.getClass().getName(), apply(error.getMessage()), copy(error.getCause(), seen));
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            Throwable redacted = copy(suppressed, seen);
            if (redacted != null) {
                copy.addSuppressed(redacted);
            }
        }
        return copy;
    }

    /** An exception copied with its message redacted; it prints as the class it copies. */
    private static final class RedactedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String type;

        RedactedException(String type, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? type : type + ": " + message;
        }
    }

    /**
     * A new mask for one stream of bytes, such as a process's standard output, that replaces this
     * redaction's secret values (UTF-8) with {@value #MASK}.
     *
     * @return a mask with nothing held back yet
     */
    public StreamMask streamMask() {
        return new StreamMask(valueBytes);
    }

    /**
     * Masks secret values in a stream written chunk by chunk. A value may be cut across two chunks,
     * so the end of a chunk that could be the start of a value is held back until the next chunk
     * (or {@link #finish()}) tells; nothing else is held back. Not safe for concurrent use: one
     * mask per stream.
     */
    public static final class StreamMask {
        private static final byte[] NONE = new byte[0];
        private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.UTF_8);

        private final List<byte[]> secrets;
        private final boolean[] firstBytes = new boolean[256];
        private byte[] pending = NONE;

        private StreamMask(List<byte[]> secrets) {
            this.secrets = secrets;
            secrets.forEach(secret -> firstBytes[secret[0] & 0xff] = true);
        }

        /**
         * @param chunk bytes of the stream
         * @param length how many bytes of {@code chunk}, from its start
         * @return the bytes to write now, masked; possibly fewer than given
         */
        public byte[] mask(byte[] chunk, int length) {
            if (secrets.isEmpty()) {
                return Arrays.copyOf(chunk, length);
            }
            byte[] data = new byte[pending.length + length];
            System.arraycopy(pending, 0, data, 0, pending.length);
            System.arraycopy(chunk, 0, data, pending.length, length);
            return scan(data, false);
        }

        /** @return the bytes held back, masked: the stream has ended */
        public byte[] finish() {
            byte[] data = pending;
            pending = NONE;
            return data.length == 0 ? NONE : scan(data, true);
        }

        private byte[] scan(byte[] data, boolean end) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
            int start = 0;
            int i = 0;
            next:
            while (i < data.length) {
                if (firstBytes[data[i] & 0xff]) {
                    int available = data.length - i;
                    for (byte[] secret : secrets) {
                        if (secret.length <= available) {
                            if (Arrays.equals(data, i, i + secret.length, secret, 0, secret.length)) {
                                out.write(data, start, i - start);
                                out.writeBytes(MASK_BYTES);
                                i += secret.length;
                                start = i;
                                continue next;
                            }
                        } else if (!end && Arrays.equals(data, i, data.length, secret, 0, available)) {
                            out.write(data, start, i - start);
                            pending = Arrays.copyOfRange(data, i, data.length);
                            return out.toByteArray();
                        }
                    }
                }
                i++;
            }
            out.write(data, start, data.length - start);
            pending = NONE;
            return out.toByteArray();
        }
    }

    private static boolean containsIgnoreCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Redaction[" + values.size() + " secret value(s), URL passwords, Authorization headers]";
    }
}
