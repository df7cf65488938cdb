package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's Node: every object with a stable global id can be fetched again with node(id:). */
@Interface
@Description("An object with a stable, opaque global id that node(id:) resolves again.")
public interface Node {
    @Id
    @NonNull
    @Description("Global id: opaque, stable across releases; pass it to node(id:).")
    String getId();
}
