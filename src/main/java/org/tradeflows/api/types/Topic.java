package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.TopicRecord;

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

    public static Topic of(TopicRecord r) {
        return new Topic(GlobalId.of("Topic", r.id()), r.key(), r.name(), r.description(), r.id(), r.sourceId());
    }

    public static List<Topic> of(List<TopicRecord> rows) {
        return rows.stream().map(Topic::of).toList();
    }
}
