package dev.smokegate.smoke.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpResponseHeadTest {

    @Test
    void values_nameInAnyCase_found() {
        HttpResponseHead head = new HttpResponseHead(200, Map.of("content-type", List.of("application/json")));

        assertThat(head.values("Content-Type")).containsExactly("application/json");
        assertThat(head.values("CONTENT-TYPE")).containsExactly("application/json");
        assertThat(head.values("X-Trace")).isEmpty();
    }

    @Test
    void new_sameNameInTwoCases_valuesJoinedInOrder() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Set-Cookie", List.of("a=1"));
        headers.put("set-cookie", List.of("b=2"));

        assertThat(new HttpResponseHead(200, headers).values("set-cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void new_statusNotThreeDigits_rejected() {
        assertThatThrownBy(() -> new HttpResponseHead(42, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be a three-digit code, got 42");
    }

    @Test
    void headers_unmodifiable() {
        HttpResponseHead head = new HttpResponseHead(204, Map.of());

        assertThatThrownBy(() -> head.headers().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
