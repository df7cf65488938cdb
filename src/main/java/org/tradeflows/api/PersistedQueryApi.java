package org.tradeflows.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.tradeflows.api.engine.PersistedQueries;
import org.tradeflows.api.types.PersistedQuery;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.security.Roles;

/** Persisted queries: documents registered by hash, which clients send by hash and permalinks cite. */
@GraphQLApi
public class PersistedQueryApi {

    private final PersistedQueries queries;

    public PersistedQueryApi(PersistedQueries queries) {
        this.queries = queries;
    }

    @Mutation("registerPersistedQuery")
    @NonNull
    @RolesAllowed(Roles.ADMIN)
    @Description("Registers a document of queries under the SHA-256 of its text (role admin, audited): clients may then "
            + "send the hash alone, it runs in allow-list mode, and its permalink (/q/<hash>) cites it. Registering a "
            + "document again answers its first registration.")
    public PersistedQuery registerPersistedQuery(
            @NonNull @Name("document") @Description("The GraphQL document, exactly as clients will hash it.") String document,
            @Name("name") @Description("A title for citations, e.g. the article's fact box.") String name) {
        return PersistedQuery.of(queries.register(document, name));
    }

    @Query("persistedQuery")
    @Description("The registered document with this hash, if any (what a permalink runs).")
    public PersistedQuery persistedQuery(
            @NonNull @Name("sha256Hash") @Description("SHA-256 of the document's text, 64 hexadecimal digits.") String sha256Hash) {
        String hash = sha256Hash.trim().toLowerCase(Locale.ROOT);
        if (!PersistedQueries.isHash(hash)) {
            throw new BadUserInputException("sha256Hash: 64 hexadecimal digits (the SHA-256 of the document's text)");
        }
        return queries.registered(hash).map(PersistedQuery::of).orElse(null);
    }
}
