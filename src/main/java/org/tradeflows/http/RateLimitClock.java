package org.tradeflows.http;

import jakarta.enterprise.context.ApplicationScoped;

/** The time rate-limit windows are counted in; a bean so that a test can move it instead of waiting. */
@ApplicationScoped
public class RateLimitClock {
    public long millis() {
        return System.currentTimeMillis();
    }
}
