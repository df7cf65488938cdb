package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.TopicProductRecord;

@Description("A product category in a topic, with why it belongs there.")
public record TopicProduct(
        @NonNull @Description("Why the category is in the topic.") String note,
        @NonNull @Description("The category.") ProductCategory product) {

    public static TopicProduct of(TopicProductRecord r) {
        return new TopicProduct(r.note(), ProductCategory.of(r.product()));
    }
}
