package org.tradeflows.support;

import java.util.Map;

/** API keys for tests, created through the API with the bootstrap admin key of the test profile. */
public final class Keys {

    public static final String ADMIN = "test-admin-key";

    private Keys() {
    }

    /** A new key of the role (READER, CURATOR, ADMIN); the name is made unique so tests never share keys. */
    public static String create(String role, String name) {
        return GraphQL.dataAs(ADMIN, "mutation($i: ApiKeyInput!) { createApiKey(input: $i) { key } }",
                Map.of("i", Map.of("name", name + " " + System.nanoTime(), "role", role))).getString("data.createApiKey.key");
    }
}
