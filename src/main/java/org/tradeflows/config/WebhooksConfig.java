package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhooks: where deliveries may go, how often they are tried, and how many hooks a key may hold (README, "Webhooks"). */
@ConfigMapping(prefix = "tradeflows.webhooks")
public interface WebhooksConfig {

    /** Deliveries on or off (off: hooks can still be made and listed, and their deliveries wait in the table). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Hosts a hook's URL may name: exact host names or IP literals, or {@code *.example.org} for its subdomains. None
     * by default: until an admin lists one, every hook is refused.
     */
    Optional<List<String>> allowedHosts();

    /** Whether a URL must be https (off only for tests and closed networks). */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Whether a hook may reach private, loopback, link-local or otherwise non-public addresses. Checked on the
     * addresses the host resolves to, when the hook is made and again before every delivery (DNS rebinding).
     */
    @WithDefault("false")
    boolean allowPrivate();

    /** Hooks one key may hold at once (the bootstrap admin key counts as one key). */
    @WithDefault("25")
    int hooksPerKey();

    /** Attempts of one delivery; after the last failed one it goes to the dead letter and its hook is marked failing. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the second attempt; each later wait doubles, up to {@code max-retry-delay}. */
    @WithDefault("30s")
    Duration firstRetryDelay();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration maxRetryDelay();

    /** How long a connection to the receiver may take. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long the receiver may take to answer once the body is sent (without a byte, the attempt fails). */
    @WithDefault("10s")
    Duration readTimeout();

    /** How often the service looks for due deliveries. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries sent at once by one instance. */
    @WithDefault("4")
    int concurrency();
}
