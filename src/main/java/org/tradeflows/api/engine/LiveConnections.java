package org.tradeflows.api.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tradeflows.config.LiveConfig;

/**
 * Open live connections (WebSockets and event streams) per client: an IP address without a key, or a key. A client at
 * its cap is refused the next one (README, "Live answers"). Counted in this instance's memory, as the rate limit is.
 */
@ApplicationScoped
public class LiveConnections {

    /** Where the WebSocket and SSE handlers leave a connection's resume token, in the GraphQL context. */
    public static final String RESUME_AFTER = "tradeflows.live.resume-after";
    /** Where they leave the role of the connection's key (ADMIN, CURATOR, READER; absent without a key), likewise. */
    public static final String ROLE = "tradeflows.live.role";

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final LiveConfig config;

    public LiveConnections(LiveConfig config) {
        this.config = config;
    }

    /** The cap of a client: anonymous ones per address, key holders per key. */
    int cap(boolean anonymous) {
        return anonymous ? config.anonymousConnectionsPerAddress() : config.connectionsPerKey();
    }

    /** Takes a slot for the client; false (and nothing taken) when it holds its cap already. */
    boolean take(String client, boolean anonymous) {
        int cap = cap(anonymous);
        boolean[] taken = {false};
        open.compute(client, (k, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < cap) {
                count.incrementAndGet();
                taken[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        return taken[0];
    }

    void release(String client) {
        open.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** The user-worded reason a connection over the cap is refused with (a WebSocket close reason: under 123 bytes). */
    String refusal(boolean anonymous) {
        return anonymous
                ? "Too many live connections from your address (" + cap(true) + " without a key); close one or use an API key"
                : "Too many live connections for this key (" + cap(false) + "); close one first";
    }
}
