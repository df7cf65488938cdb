package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a webhook's deliveries arrive.")
public enum WebhookStatus {
    @Description("Its deliveries arrive (or none has failed for good yet).")
    ACTIVE,
    @Description("A delivery went to the dead letter after its last attempt failed; the next one that arrives makes it ACTIVE again.")
    FAILING
}
