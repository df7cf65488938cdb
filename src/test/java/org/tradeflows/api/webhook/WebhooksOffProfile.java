package org.tradeflows.api.webhook;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The instance under test finds answer changes and makes deliveries but sends none: the instances that send them are
 * child processes, started and killed by WebhookRestartTest.
 */
public class WebhooksOffProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tradeflows.webhooks.enabled", "false");
    }
}
