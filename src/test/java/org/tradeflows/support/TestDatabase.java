package org.tradeflows.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database resource for every @QuarkusTest: the local PostgreSQL, never a mock. */
@QuarkusTestResource(DatabaseTestResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
