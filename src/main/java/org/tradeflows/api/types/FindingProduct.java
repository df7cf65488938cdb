package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.FindingProductRecord;

@Description("A product category a finding speaks about, with the goods as the source names them.")
public record FindingProduct(
        @NonNull @Description("The goods as the source names them, e.g. 'aircraft engines'.") String goods,
        @NonNull @Description("The HS category Tradeflows reads them as.") ProductCategory product) {

    public static FindingProduct of(FindingProductRecord r) {
        return new FindingProduct(r.goods(), ProductCategory.of(r.product()));
    }
}
