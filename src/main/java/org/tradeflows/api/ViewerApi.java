package org.tradeflows.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.tradeflows.api.types.Viewer;

/** Lets a client check which key it is using and what that key may do. */
@GraphQLApi
public class ViewerApi {

    private final SecurityIdentity identity;

    public ViewerApi(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Query("viewer")
    @NonNull
    @Description("The caller: anonymous, or the API key's holder and roles.")
    public Viewer viewer() {
        if (identity.isAnonymous()) {
            return new Viewer(false, null, java.util.List.of());
        }
        return new Viewer(true, identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList());
    }
}
