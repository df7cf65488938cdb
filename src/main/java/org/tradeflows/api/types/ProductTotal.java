package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A product category with the totals of the company-level flows under it.")
public record ProductTotal(
        @NonNull @Description("The category.") ProductCategory product,
        @NonNull @Description("Totals of the shipments whose HS code is under the category.") FlowMeasures totals) {
}
