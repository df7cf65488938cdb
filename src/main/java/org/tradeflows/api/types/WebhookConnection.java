package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of webhooks (Relay connection).")
public record WebhookConnection(
        @NonNull @Description("The webhooks of this page with their cursors.") List<@NonNull WebhookEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of webhooks, over all pages.") long totalCount) {
}
