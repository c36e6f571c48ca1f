package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code http} and {@code tcp} actions of a step ({@link ProbeReader}), read through {@link ManifestLoader}. */
class ProbeReaderTest extends ManifestTestSupport {
    /** Line 8 after {@link #HEAD}: a valid GET. */
    private static final String GET = "  http.get = \"http://127.0.0.1:${port.http}/api\"\n";

    /** The assertion that keeps a probe scenario from being an eyeball gate. */
    private static final String BODY = "  expect.body.contains = [\"x\"]\n";

    @Test
    void load_httpWithoutMethod_saysWhichToSet() throws Exception {
        assertThat(problems(HEAD + "  http.timeout = \"5s\"\n" + BODY))
                .containsExactly("m.toml:8:3: [[scenario]] 'a' › s sends no request. Set one of http.get, http.post,"
                        + " http.put or http.delete to the URL.");
    }

    @Test
    void load_httpWithTwoMethods_isSplit() throws Exception {
        assertThat(problems(HEAD + GET + "  http.delete = \"http://127.0.0.1:${port.http}/api\"\n" + BODY))
                .containsExactly("m.toml:9:3: [[scenario]] 'a' › s sets http.get and http.delete. A step sends one"
                        + " request: split it into several steps.");
    }

    @Test
    void load_urlWithoutHttpScheme_showsAnExample() throws Exception {
        assertThat(problems(HEAD + "  http.put = \"127.0.0.1:8080/api\"\n" + BODY))
                .containsExactly("m.toml:8:3: http.put in [[scenario]] 'a' › s is not an http:// or https:// URL with"
                        + " a host: \"127.0.0.1:8080/api\". Write it like \"http://127.0.0.1:${port.http}/health\".");
    }

    @Test
    void load_urlWithASpace_isNotAUrl() throws Exception {
        assertThat(problems(HEAD + "  http.get = \"http://127.0.0.1:${port.http}/a b\"\n" + BODY))
                .containsExactly("m.toml:8:3: http.get in [[scenario]] 'a' › s is not a valid URL:"
                        + " \"http://127.0.0.1:${port.http}/a b\" (Illegal character in path). Percent-encode what a"
                        + " URL may not hold, e.g. a space as %20.");
    }

    @Test
    void load_urlFromAProjectProperty_isCheckedWithItsValue() throws Exception {
        assertThat(problems(HEAD + "  http.get = \"${fixture.repo}/x\"\n" + BODY))
                .containsExactly("m.toml:8:3: http.get in [[scenario]] 'a' › s is not an http:// or https:// URL with"
                        + " a host: \"${fixture.repo}/x\". Write it like \"http://127.0.0.1:${port.http}/health\".");
    }

    @Test
    void load_bodyAndBodyFile_keepOne() throws Exception {
        assertThat(problems(HEAD + GET + "  http.body = \"{}\"\n  http.body-file = \"stub.json\"\n" + BODY))
                .containsExactly("m.toml:10:3: http.body and http.body-file are both set in [[scenario]] 'a' › s."
                        + " Keep one: the body as text, or a file that holds it.");
    }

    @Test
    void load_bodyFileLeavingTheWorkspace_isRejected() throws Exception {
        assertThat(problems(HEAD + GET + "  http.body-file = \"../secrets.json\"\n" + BODY))
                .containsExactly("m.toml:9:3: 'body-file' in [[scenario]] 'a' › s http leaves the workspace:"
                        + " ../secrets.json. Use a path relative to the workspace root, without leading '..'.");
    }

    @Test
    void load_badRequestHeaders_areRejected() throws Exception {
        assertThat(problems(HEAD + GET + "  http.headers = { \"Content Type\" = \"a\", Host = \"b\", Accept = 1 }\n"
                        + BODY))
                .containsExactly(
                        "m.toml:9:54: 'Accept' in [[scenario]] 'a' › s http headers must be a string; found integer 1.",
                        "m.toml:9:20: 'Content Type' in [[scenario]] 'a' › s http.headers is not an HTTP header name."
                                + " Use letters, digits and '-', e.g. Content-Type.",
                        "m.toml:9:42: 'Host' in [[scenario]] 'a' › s http.headers is a header that Java's HTTP client"
                                + " sets itself. Remove it.");
    }

    @Test
    void load_typoInHttpKey_suggestsTheKey() throws Exception {
        assertThat(problems(HEAD + GET + "  http.header = { Accept = \"text/plain\" }\n" + BODY))
                .containsExactly(
                        "m.toml:9:3: unknown key 'header' in [[scenario]] 'a' › s http. Did you mean 'headers'?");
    }

    @Test
    void load_badHttpTimeout_isADuration() throws Exception {
        assertThat(problems(HEAD + GET + "  http.timeout = 30\n" + BODY))
                .containsExactly("m.toml:9:3: bad duration for 'timeout' in [[scenario]] 'a' › s http: integer 30."
                        + " Write a positive duration such as \"500ms\", \"30s\", \"10m\" or \"1h\".");
    }

    @Test
    void load_tcpWithoutConnect_saysWhatToSet() throws Exception {
        assertThat(problems(HEAD + "  tcp.send = \"PING\"\n" + BODY))
                .containsExactly("m.toml:8:3: [[scenario]] 'a' › s connects nowhere. Set tcp.connect = \"host:port\","
                        + " e.g. \"127.0.0.1:${port.db}\".");
    }

    @Test
    void load_tcpAddressWithoutValidPort_isRejected() throws Exception {
        String message = " in [[scenario]] 'a' › s is not host:port with a port from 1 to 65535: ";
        assertThat(problems(HEAD + "  tcp.connect = \"127.0.0.1\"\n" + BODY))
                .containsExactly("m.toml:8:3: tcp.connect" + message + "\"127.0.0.1\". Write it like"
                        + " \"127.0.0.1:${port.db}\".");
        assertThat(problems(HEAD + "  tcp.connect = \"127.0.0.1:70000\"\n" + BODY))
                .containsExactly("m.toml:8:3: tcp.connect" + message + "\"127.0.0.1:70000\". Write it like"
                        + " \"127.0.0.1:${port.db}\".");
        assertThat(problems(HEAD + "  tcp.connect = \":${port.db}\"\n" + BODY))
                .containsExactly("m.toml:8:3: tcp.connect" + message + "\":${port.db}\". Write it like"
                        + " \"127.0.0.1:${port.db}\".");
    }

    @Test
    void load_typoInTcpKey_suggestsTheKey() throws Exception {
        assertThat(problems(HEAD + "  tcp.connect = \"127.0.0.1:${port.db}\"\n  tcp.sned = \"PING\"\n" + BODY))
                .containsExactly("m.toml:9:3: unknown key 'sned' in [[scenario]] 'a' › s tcp. Did you mean 'send'?");
    }

    @Test
    void load_envOnProbeStep_startsNoProcess() throws Exception {
        assertThat(problems(HEAD + GET + "  env = { A = \"1\" }\n" + BODY))
                .containsExactly("m.toml:9:3: 'env' in [[scenario]] 'a' › s sets the environment of a process, and"
                        + " this is an http step, which starts none. Remove it.");
    }

    @Test
    void load_runAndHttp_isSplit() throws Exception {
        assertThat(problems(HEAD + "  run = \"echo\"\n" + GET + BODY))
                .containsExactly("m.toml:9:3: [[scenario]] 'a' › s sets run and http. A step does one thing: split it"
                        + " into several steps.");
    }
}
