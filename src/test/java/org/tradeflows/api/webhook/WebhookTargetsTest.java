package org.tradeflows.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.CodedException;

/**
 * The address rule of webhooks with allow-private off (the default outside tests), on real resolution: loopback,
 * private, link-local and the other non-public ranges are refused with the code and the reason in words, also when a
 * host name (localhost) resolves to one; the allow-list, https and the retry delays.
 */
class WebhookTargetsTest {

    private static final List<String> LISTED = List.of("127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "localhost", "8.8.8.8",
            "*.example.org");
    private final WebhookTargets publicOnly = new WebhookTargets(LISTED, false, false);

    private static String refusal(Runnable r) {
        try {
            r.run();
        } catch (CodedException e) {
            assertThat(e.code()).isEqualTo("WEBHOOK_URL_REFUSED");
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }

    private String refusedAddress(String url) {
        URI uri = publicOnly.url(url);
        return refusal(() -> publicOnly.addresses(uri));
    }

    @Test
    void nonPublicAddressesAreRefusedWhenResolvedAndNamedInWords() {
        assertThat(refusedAddress("http://127.0.0.1:8080/hook")).contains("127.0.0.1").contains("loopback")
                .contains("public addresses");
        assertThat(refusedAddress("http://localhost/hook")).contains("localhost").contains("loopback");
        assertThat(refusedAddress("http://10.1.2.3/hook")).contains("10.1.2.3").contains("private");
        assertThat(refusedAddress("http://172.16.5.4/hook")).contains("private");
        assertThat(refusedAddress("http://192.168.1.1/hook")).contains("private");
        assertThat(refusedAddress("http://169.254.169.254/latest/meta-data")).contains("link-local");
        assertThat(refusedAddress("http://100.64.0.1/hook")).contains("carrier-grade NAT");
        assertThat(refusedAddress("http://0.0.0.0/hook")).contains("unspecified");
        assertThat(refusedAddress("http://[::1]/hook")).contains("loopback");
        assertThat(refusedAddress("http://[fd00::1]/hook")).contains("unique local");
        assertThat(refusedAddress("http://[fe80::1]/hook")).contains("link-local");
        assertThat(refusedAddress("http://[::ffff:10.0.0.1]/hook")).contains("private");
        assertThat(refusedAddress("http://[64:ff9b::a00:1]/hook")).contains("IPv6 form of").contains("private");

        URI open = publicOnly.url("http://8.8.8.8/hook");
        assertThat(publicOnly.addresses(open)).extracting(InetAddress::getHostAddress).containsExactly("8.8.8.8");
    }

    @Test
    void allowPrivateLetsTestsReachLoopback() {
        WebhookTargets tests = new WebhookTargets(LISTED, false, true);
        assertThat(tests.addresses(tests.url("http://127.0.0.1:8080/hook"))).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
        assertThat(tests.addresses(tests.url("http://10.1.2.3/hook"))).hasSize(1);
    }

    @Test
    void onlyListedHostsAndHttpsWhenRequired() {
        assertThat(refusal(() -> publicOnly.url("https://example.com/hook"))).contains("example.com").contains("allow-list");
        assertThat(refusal(() -> publicOnly.url("https://evilexample.org/hook"))).contains("allow-list");
        assertThat(publicOnly.url("https://news.example.org/hook").getHost()).isEqualTo("news.example.org");
        assertThat(refusal(() -> publicOnly.url("ftp://8.8.8.8/hook"))).contains("http(s)");
        assertThat(refusal(() -> publicOnly.url("https://user:pw@8.8.8.8/hook"))).contains("user name");
        assertThat(refusal(() -> publicOnly.url("not a url"))).startsWith("url:");
        assertThat(refusal(() -> new WebhookTargets(List.of(), true, false).url("https://news.example.org/")))
                .contains("no host yet");

        WebhookTargets https = new WebhookTargets(LISTED, true, false);
        assertThat(refusal(() -> https.url("http://8.8.8.8/hook"))).contains("must be https");
        assertThat(https.url("https://8.8.8.8/hook").getScheme()).isEqualTo("https");
        assertThatThrownBy(() -> https.url("https://unlisted.example.net/")).isInstanceOf(CodedException.class);
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertThat(WebhookDispatcher.retryDelay(1, first, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookDispatcher.retryDelay(2, first, max)).isEqualTo(Duration.ofSeconds(60));
        assertThat(WebhookDispatcher.retryDelay(4, first, max)).isEqualTo(Duration.ofSeconds(240));
        assertThat(WebhookDispatcher.retryDelay(8, first, max)).isEqualTo(Duration.ofHours(1));
        assertThat(WebhookDispatcher.retryDelay(100, first, max)).isEqualTo(Duration.ofHours(1));
    }
}
