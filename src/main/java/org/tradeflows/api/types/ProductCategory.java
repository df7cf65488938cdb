package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.ProductCategoryRecord;
import org.tradeflows.model.ProductLevel;

@Description("A category of the HS 2022 tree: section, chapter (HS2), heading (HS4) or subheading (HS6). National "
        + "8-10 digit codes roll up to their HS6.")
public record ProductCategory(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("The HS code (2, 4 or 6 digits) or the section's Roman numeral.") String code,
        @NonNull @Description("Level in the tree.") ProductLevel level,
        @NonNull @Description("Description (UN Comtrade's short wording for HS codes).") String description,
        @Ignore String parentCode,
        @Ignore String sectionCode) implements Node {

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }

    public static ProductCategory of(ProductCategoryRecord r) {
        return new ProductCategory(GlobalId.of("ProductCategory", r.code()), r.code(), r.level(), r.description(),
                r.parentCode(), r.sectionCode());
    }

    public static List<ProductCategory> of(List<ProductCategoryRecord> rows) {
        return rows.stream().map(ProductCategory::of).toList();
    }
}
