package org.tradeflows.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.tradeflows.api.types.ApiKey;
import org.tradeflows.api.types.ApiKeyConnection;
import org.tradeflows.api.types.ApiKeyEdge;
import org.tradeflows.api.types.ApiKeyInput;
import org.tradeflows.api.types.AuditEntry;
import org.tradeflows.api.types.AuditEntryConnection;
import org.tradeflows.api.types.AuditEntryEdge;
import org.tradeflows.api.types.CreatedApiKey;
import org.tradeflows.input.AuditFilter;
import org.tradeflows.input.Codes;
import org.tradeflows.model.ApiKeyRecord;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.security.ApiKeys;
import org.tradeflows.security.Roles;
import org.tradeflows.store.ApiKeyStore;
import org.tradeflows.store.AuditStore;

/** Administration: API keys and the audit trail (role admin). */
@GraphQLApi
@RolesAllowed(Roles.ADMIN)
public class AdminApi {

    private final ApiKeys keys;
    private final ApiKeyStore keySql;
    private final AuditStore audit;

    public AdminApi(ApiKeys keys, ApiKeyStore keySql, AuditStore audit) {
        this.keys = keys;
        this.keySql = keySql;
        this.audit = audit;
    }

    @Mutation("createApiKey")
    @NonNull
    @Description("Creates an API key (role admin). The key is in the answer this once; only its hash is stored.")
    public CreatedApiKey createApiKey(@NonNull @Name("input") @Description("Holder and role of the key.") ApiKeyInput input) {
        return CreatedApiKey.of(keys.create(input.name(), input.role()));
    }

    @Mutation("revokeApiKey")
    @NonNull
    @Description("Revokes an API key (role admin); requests with it are refused from this moment on.")
    public ApiKey revokeApiKey(@NonNull @Id @Name("id") @Description("Global id of the key.") String id) {
        return ApiKey.of(keys.revoke(GlobalId.numeric(id, "ApiKey", "id"), "id"));
    }

    @Query("apiKeys")
    @NonNull
    @Description("API keys in the order they were created (role admin).")
    public ApiKeyConnection apiKeys(
            @Name("includeRevoked") @Description("Also list revoked keys (default false).") Boolean includeRevoked,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        boolean all = Boolean.TRUE.equals(includeRevoked);
        Page page = Page.of(first, after, 1);
        List<ApiKeyRecord> rows = keySql.page(all, page.hasAfter() ? Page.parseLongKey(page.afterKey(0), "after") : null, page.limit());
        Page.Slice<ApiKeyEdge> slice = page.slice(rows, k -> Page.cursor(k.id()), (cursor, k) -> new ApiKeyEdge(cursor, ApiKey.of(k)));
        return new ApiKeyConnection(slice.edges(), slice.pageInfo(), keySql.count(all));
    }

    @Query("auditTrail")
    @NonNull
    @Description("Changes made through the API, newest first (role admin).")
    public AuditEntryConnection auditTrail(
            @Name("filter") @Description("Conditions the entries must meet.") AuditFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        AuditStore.Filter f = filter(filter);
        Page page = Page.of(first, after, 1);
        List<AuditEntry> rows = audit.page(f, page.hasAfter() ? Page.parseLongKey(page.afterKey(0), "after") : null,
                page.limit()).stream().map(AuditEntry::of).toList();
        Page.Slice<AuditEntryEdge> slice = page.slice(rows, e -> Page.cursor(GlobalId.parse(e.id()).key()), AuditEntryEdge::new);
        return new AuditEntryConnection(slice.edges(), slice.pageInfo(), audit.count(f));
    }

    private static AuditStore.Filter filter(AuditFilter f) {
        if (f == null) {
            return null;
        }
        String type = null;
        Long id = null;
        if (f.recordId() != null) {
            GlobalId g;
            try {
                g = GlobalId.parse(f.recordId());
                id = Long.parseLong(g.key());
            } catch (BadUserInputException | NumberFormatException e) {
                throw new BadUserInputException("filter.recordId: not the id of a record this API changes");
            }
            type = g.type();
        }
        return new AuditStore.Filter(type, id, f.actions(), Codes.text("filter.actor", f.actor(), 200));
    }
}
