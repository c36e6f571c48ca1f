package dev.smokegate.smoke.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one redaction: exact strings in, exact strings out. */
class RedactionTest {
    private final Redaction secrets = Redaction.of(List.of("tok-12345", "s3cretpw"));

    @Test
    void apply_httpsUrlWithPassword_keepsTheUserName() {
        assertThat(Redaction.redact("clone [https://ci:s3cretpw@git.example.org/team/app.git]: refused"))
                .isEqualTo("clone [https://ci:***@git.example.org/team/app.git]: refused");
    }

    @Test
    void apply_urlForms_eachPasswordMasked() {
        assertThat(Redaction.redact("http://user:pw@127.0.0.1:1/x.git")).isEqualTo("http://user:***@127.0.0.1:1/x.git");
        assertThat(Redaction.redact("ssh://git:hunter2@host:2222/r.git")).isEqualTo("ssh://git:***@host:2222/r.git");
        assertThat(Redaction.redact("git+https://u:p%40ss@host/r")).isEqualTo("git+https://u:***@host/r");
        assertThat(Redaction.redact("https://:only-token@host/r")).isEqualTo("https://:***@host/r");
        assertThat(Redaction.redact("url='https://a:b@h/x' and \"http://c:d@h\""))
                .isEqualTo("url='https://a:***@h/x' and \"http://c:***@h\"");
    }

    @Test
    void apply_scpLikeFormWithPassword_masked() {
        assertThat(Redaction.redact("cloning git:pa55word@git.example.org:team/app.git now"))
                .isEqualTo("cloning git:***@git.example.org:team/app.git now");
    }

    @Test
    void apply_urlsWithoutPassword_unchanged() {
        String text = "https://ci@host/x.git git@host:team/app.git https://host:8443/x "
                + "https://registry.example.org:443/@scope/pkg mail ci@example.org at 12:30";
        assertThat(Redaction.redact(text)).isEqualTo(text);
    }

    @Test
    void apply_authorizationHeaders_valueMasked() {
        assertThat(Redaction.redact("> Authorization: Bearer abc.def")).isEqualTo("> Authorization: ***");
        assertThat(Redaction.redact("proxy-authorization:Basic dXNlcjpwdw==")).isEqualTo("proxy-authorization:***");
        assertThat(Redaction.redact("curl -H 'Authorization: token xyz' https://h/api"))
                .isEqualTo("curl -H 'Authorization: ***' https://h/api");
        assertThat(Redaction.redact("{\"Authorization\": \"Bearer abc\", \"x\": 1}"))
                .isEqualTo("{\"Authorization\": \"***\", \"x\": 1}");
        assertThat(Redaction.redact("line 1\nAuthorization: Basic Zm9v\nline 3"))
                .isEqualTo("line 1\nAuthorization: ***\nline 3");
    }

    @Test
    void apply_secretValues_maskedWherever() {
        assertThat(secrets.apply("echo tok-12345; seen: tok-12345tok-12345 and xs3cretpwx"))
                .isEqualTo("echo ***; seen: ****** and x***x");
    }

    @Test
    void apply_overlappingSecrets_longestFirstAndNothingLeft() {
        Redaction overlapping = Redaction.of(List.of("abcd", "abcdefgh", "cdef"));

        assertThat(overlapping.apply("abcdefgh")).isEqualTo("***");
        assertThat(overlapping.apply("abcdef")).isEqualTo("***ef");
        assertThat(overlapping.apply("xxcdefxx")).isEqualTo("xx***xx");
    }

    @Test
    void apply_secretWithRegexCharacters_maskedLiterally() {
        Redaction odd = Redaction.of(List.of("a.b*c$1\\", "p<a&ss\"w0rd"));

        assertThat(odd.apply("x a.b*c$1\\ y p<a&ss\"w0rd")).isEqualTo("x *** y ***");
        assertThat(odd.apply("aXbbbc$1\\")).isEqualTo("aXbbbc$1\\");
    }

    @Test
    void of_shortBlankAndNullValues_notMasked() {
        Redaction few = Redaction.of(Arrays.asList("abc", "", "   ", null, "abcd"));

        assertThat(few.apply("abc abcd")).isEqualTo("abc ***");
        assertThat(Redaction.of(Arrays.asList("a", null)).masksValues()).isFalse();
    }

    @Test
    void of_multiLineValue_maskedWholeAndLineByLine() {
        Redaction key = Redaction.of(List.of("-----BEGIN KEY-----\nMIIEabcd\n-----END KEY-----"));

        assertThat(key.apply("-----BEGIN KEY-----\nMIIEabcd\n-----END KEY-----"))
                .isEqualTo("***");
        assertThat(key.apply("only MIIEabcd here")).isEqualTo("only *** here");
    }

    @Test
    void apply_valueInsideUrl_bothRulesAgree() {
        assertThat(secrets.apply("http://user:s3cretpw@127.0.0.1:1/x.git"))
                .isEqualTo("http://user:***@127.0.0.1:1/x.git");
    }

    @Test
    void apply_alreadyRedacted_unchanged() {
        String once = secrets.apply("git:pw12@h:r https://u:s3cretpw@h/x Authorization: Bearer tok-12345");

        assertThat(secrets.apply(once)).isEqualTo(once).isEqualTo("git:***@h:r https://u:***@h/x Authorization: ***");
    }

    @Test
    void apply_null_null() {
        assertThat(secrets.apply((String) null)).isNull();
    }

    @Test
    void applyThrowable_chainWithSecrets_copiedRedactedWithStackTraces() {
        IllegalStateException cause = new IllegalStateException("token tok-12345 refused");
        Exception top = new Exception("clone [http://u:s3cretpw@h/x]: failed", cause);

        Throwable copy = secrets.apply(top);

        assertThat(copy).hasMessage("clone [http://u:***@h/x]: failed");
        assertThat(copy.getCause()).hasMessage("token *** refused");
        assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
        StringWriter trace = new StringWriter();
        copy.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .startsWith("java.lang.Exception: clone [http://u:***@h/x]: failed")
                .contains("Caused by: java.lang.IllegalStateException: token *** refused")
                .doesNotContain("s3cretpw")
                .doesNotContain("tok-12345");
    }

    @Test
    void streamMask_secretCutAcrossChunks_masked() throws IOException {
        Redaction.StreamMask mask = secrets.streamMask();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        for (String chunk : List.of("value: tok-", "123", "45\nnext tok", "-1234", "x s3cr", "etp", "w end s3c")) {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            out.write(mask.mask(bytes, bytes.length));
        }
        out.write(mask.finish());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("value: ***\nnext tok-1234x *** end s3c");
    }

    @Test
    void streamMask_holdsBackOnlyAPossibleStart() {
        Redaction.StreamMask mask = secrets.streamMask();
        byte[] bytes = "plain text ends with tok".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(mask.mask(bytes, bytes.length), StandardCharsets.UTF_8))
                .isEqualTo("plain text ends with ");
        assertThat(new String(mask.finish(), StandardCharsets.UTF_8)).isEqualTo("tok");
    }

    @Test
    void streamMask_shorterSecretInsideHeldBackStart_maskedAtTheEnd() {
        Redaction.StreamMask mask = Redaction.of(List.of("abcd", "abcdefgh")).streamMask();
        byte[] bytes = "x abcdef".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(mask.mask(bytes, bytes.length), StandardCharsets.UTF_8))
                .isEqualTo("x ");
        assertThat(new String(mask.finish(), StandardCharsets.UTF_8)).isEqualTo("***ef");
    }

    @Test
    void streamMask_noSecretValues_passesBytesThrough() {
        Redaction.StreamMask mask = Redaction.standard().streamMask();
        byte[] bytes = "http://u:pw@h Authorization: x".getBytes(StandardCharsets.UTF_8);

        assertThat(mask.mask(bytes, 6)).isEqualTo(Arrays.copyOf(bytes, 6));
        assertThat(mask.finish()).isEmpty();
    }

    @Test
    void toString_neverShowsAValue() {
        assertThat(secrets.toString()).isEqualTo("Redaction[2 secret value(s), URL passwords, Authorization headers]");
    }

    @Test
    void apply_accessTokenAsTheUserName_masked() {
        assertThat(Redaction.redact("clone [https://ghp_s3cretTokenValue0123456789ab@github.example/team/app.git]: x"))
                .isEqualTo("clone [https://***@github.example/team/app.git]: x");
        assertThat(Redaction.redact("https://glpat-s3cretTokenValue01234567@gitlab.example/a.git"))
                .isEqualTo("https://***@gitlab.example/a.git");
        assertThat(Redaction.redact("https://github_pat_11AAs3cretTokenValue0123456789@github.example/a.git"))
                .isEqualTo("https://***@github.example/a.git");
    }

    @Test
    void apply_ordinaryUserNameWithoutPassword_kept() {
        assertThat(Redaction.redact("https://alice@git.example.org/a.git and ssh://git@host/x.git"))
                .isEqualTo("https://alice@git.example.org/a.git and ssh://git@host/x.git");
    }
}
