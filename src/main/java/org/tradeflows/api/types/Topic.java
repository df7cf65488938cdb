package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A curated set of product categories, e.g. 'drone components'. The CHPL alone misses most goods of the "
        + "story (engines, fibres); topics fill that gap.")
public record Topic(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("Stable key, e.g. drone-components.") String key,
        @NonNull @Description("Name.") String name,
        @NonNull @Description("What the topic covers and why.") String description,
        @Ignore long dbId,
        @Ignore long sourceId) implements Node {

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }
}
