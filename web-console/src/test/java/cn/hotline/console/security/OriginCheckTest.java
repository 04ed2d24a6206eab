package cn.hotline.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** CSRF: a state-changing request passes only from the console's own origin, told by Sec-Fetch-Site and Origin/Referer. */
class OriginCheckTest {

    private static final String OWN = "https://console.hotline.example";
    private static final String SERVED = "http://127.0.0.1:8080";
    private final OriginCheck check = new OriginCheck(Set.of(OWN + "/"));

    @Test
    void readsAreNeverChecked() {
        assertThat(check.refusal("GET", "cross-site", "https://evil.example", null, SERVED)).isEmpty();
        assertThat(check.refusal("HEAD", null, null, null, SERVED)).isEmpty();
    }

    @Test
    void theConsolesOwnFormsPass() {
        assertThat(check.refusal("POST", "same-origin", OWN, OWN + "/board", SERVED)).isEmpty();
        assertThat(check.refusal("DELETE", "same-origin", "HTTPS://Console.Hotline.Example:443", null, SERVED)).isEmpty();
        // The address the request was sent to (scheme and Host), e.g. a phone on the workstation's own address.
        assertThat(check.refusal("POST", "same-origin", SERVED, null, SERVED)).isEmpty();
        // An older browser sends no Sec-Fetch-Site; its Origin still has to be the console's.
        assertThat(check.refusal("POST", null, OWN, null, SERVED)).isEmpty();
        // No Origin (older browsers on a same-origin form): the Referer decides.
        assertThat(check.refusal("PUT", null, null, OWN + "/m/AAAAAAAAAAAAAAAAAAAAAA", SERVED)).isEmpty();
    }

    @Test
    void anotherSitesPageIsRefusedAndToldWhy() {
        assertThat(check.refusal("POST", "cross-site", "https://evil.example", null, SERVED))
                .hasValueSatisfying(why -> assertThat(why).contains("another site").contains("cross-site"));
        assertThat(check.refusal("POST", "same-site", "https://other.hotline.example", null, SERVED)).isPresent();
        assertThat(check.refusal("PATCH", "none", null, null, SERVED)).isPresent();
        assertThat(check.refusal("POST", "<script>", OWN, null, SERVED))
                .hasValueSatisfying(why -> assertThat(why).doesNotContain("<script>"));
    }

    @Test
    void aForeignOrOpaqueOriginOrNoneAtAllIsRefused() {
        assertThat(check.refusal("POST", null, "https://evil.example", OWN + "/board", SERVED))
                .hasValueSatisfying(why -> assertThat(why).contains("Origin"));
        assertThat(check.refusal("POST", null, "null", null, SERVED)).isPresent();
        assertThat(check.refusal("POST", null, null, "https://evil.example/page", SERVED))
                .hasValueSatisfying(why -> assertThat(why).contains("Referer"));
        assertThat(check.refusal("POST", null, null, null, SERVED))
                .hasValueSatisfying(why -> assertThat(why).contains("without an Origin or Referer"));
        assertThat(check.refusal("POST", null, OWN + ".evil.example", null, SERVED)).isPresent();
        assertThat(check.refusal("POST", null, "http://console.hotline.example", null, SERVED))
                .as("another scheme is another origin").isPresent();
        assertThat(check.refusal("POST", null, "https://127.0.0.1:8080", null, SERVED)).isPresent();
    }
}
