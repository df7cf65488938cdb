package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of audit entries, newest first (Relay connection).")
public record AuditEntryConnection(
        @NonNull @Description("The entries of this page with their cursors.") List<@NonNull AuditEntryEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of entries matching the filter, over all pages.") long totalCount) {
}
