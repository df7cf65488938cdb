package org.tradeflows.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the replayed publishers for every @QuarkusTest (as TestDatabase does the database), so that the service
 * under test always fetches from loopback and no test class restarts Quarkus for them.
 */
@QuarkusTestResource(BaciPublisher.class)
@QuarkusTestResource(ComtradePublisher.class)
public final class Publishers {
    private Publishers() {
    }
}
