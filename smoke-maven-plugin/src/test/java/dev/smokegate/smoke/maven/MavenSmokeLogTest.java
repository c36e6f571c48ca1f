package dev.smokegate.smoke.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.SmokeLog;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

/** Each engine level lands on Maven's level of the same name, so {@code -q} hides progress lines. */
class MavenSmokeLogTest {

    @Test
    void write_eachLevel_mavensLevelOfTheSameName() {
        List<String> calls = new ArrayList<>();
        Log maven = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class}, (p, m, a) -> {
            calls.add(m.getName() + " " + a[0]);
            return null;
        });
        SmokeLog log = new MavenSmokeLog(maven);

        log.debug("[smoke]   check → ok");
        log.info("[smoke] loop › test (2/5): mvn -B test");
        log.info("[smoke] loop › test still running (1m 30s): Tests run: 4");
        log.warn("[smoke] SKIP x: offline");
        log.error("[smoke] FAIL loop › test: expected exit code 0");

        assertThat(calls)
                .containsExactly(
                        "debug [smoke]   check → ok",
                        "info [smoke] loop › test (2/5): mvn -B test",
                        "info [smoke] loop › test still running (1m 30s): Tests run: 4",
                        "warn [smoke] SKIP x: offline",
                        "error [smoke] FAIL loop › test: expected exit code 0");
    }
}
