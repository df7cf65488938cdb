package org.tradeflows.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.tradeflows.http.RateLimitClock;

/** The rate limiter's clock in tests: real time plus whatever a test moved it on, so no test waits for a window. */
@Alternative
@Priority(1)
@ApplicationScoped
public class AdjustableRateLimitClock extends RateLimitClock {

    private final AtomicLong offset = new AtomicLong();

    @Override
    public long millis() {
        return super.millis() + offset.get();
    }

    public void advance(Duration by) {
        offset.addAndGet(by.toMillis());
    }
}
