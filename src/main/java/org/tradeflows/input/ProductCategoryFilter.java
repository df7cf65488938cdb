package org.tradeflows.input;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.ChplTier;
import org.tradeflows.model.ProductLevel;
import org.tradeflows.query.ProductCategoryCriteria;

@Input("ProductCategoryFilter")
@Description("Filter for product categories; all given conditions must hold.")
public record ProductCategoryFilter(
        @Description("HS code prefix, 1 to 10 digits; national codes longer than 6 digits match their HS6.") String codePrefix,
        @Description("Words in the description (English, stemmed), e.g. 'carbon fibres'.") String search,
        @Description("Only categories of these levels.") List<ProductLevel> levels,
        @Description("Only categories listed in these CHPL tiers.") List<ChplTier> chplTiers,
        @Description("Only categories of the topic with this key, e.g. drone-components.") String topic,
        @Description("Only the direct children of the category with this code.") String parentCode) implements ProductCategoryCriteria {
}
