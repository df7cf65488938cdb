package org.tradeflows.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.ProductCategory;
import org.tradeflows.api.types.ProductCategoryConnection;
import org.tradeflows.api.types.ProductCategoryEdge;
import org.tradeflows.api.types.Topic;
import org.tradeflows.api.types.TopicProduct;
import org.tradeflows.input.Codes;
import org.tradeflows.input.KnownNames;
import org.tradeflows.input.ProductCategoryFilter;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.ChplTier;
import org.tradeflows.model.InputMessages;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.model.ProductLevel;
import org.tradeflows.store.ProductStore;

/** The HS 2022 tree: look-ups, search, navigation up and down, CHPL tiers and curated topics. */
@GraphQLApi
public class ProductCategoryApi {

    private final ProductStore products;
    private final KnownNames names;

    public ProductCategoryApi(ProductStore products, KnownNames names) {
        this.products = products;
        this.names = names;
    }

    @Query("productCategory")
    @Description("A category by HS code (2, 4 or 6 digits, dots and spaces allowed: 8471.30; 8-10 digit national codes give "
            + "their HS6) or by section numeral (e.g. XVII). Fails with NOT_FOUND for a code that is not in HS 2022.")
    public ProductCategory productCategory(@NonNull @Name("code") @Description("An " + Codes.HS_CODES + ".") String code) {
        String c = Codes.treeCode(Codes.productCode("code", code));
        return ProductCategory.of(products.byCodes(List.of(c))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("code: '" + c + "' is not a code of HS 2022"));
    }

    @Query("productCategories")
    @Description("Categories of the HS tree, ordered by code (chapters, headings and subheadings, then sections).")
    public ProductCategoryConnection productCategories(
            @Name("filter") @Description("Conditions the categories must meet.") ProductCategoryFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        ProductCategoryFilter f = validated(filter);
        Page page = Page.of(first, after, 1);
        List<ProductCategory> rows = ProductCategory.of(products.page(f, page.hasAfter() ? page.afterKey(0) : null,
                page.limit()));
        Page.Slice<ProductCategoryEdge> slice = page.slice(rows, p -> Page.cursor(p.code()), ProductCategoryEdge::new);
        return new ProductCategoryConnection(slice.edges(), slice.pageInfo(), products.count(f));
    }

    private ProductCategoryFilter validated(ProductCategoryFilter f) {
        if (f == null) {
            return null;
        }
        Codes.text("filter.search", f.search(), 200);
        if (f.search() != null && f.search().isBlank()) {
            throw new BadUserInputException("filter.search: must not be blank");
        }
        return new ProductCategoryFilter(
                f.codePrefix() == null ? null : Codes.productPrefix("filter.codePrefix", f.codePrefix()),
                f.search(), f.levels(), f.chplTiers(), names.topic("filter.topic", f.topic()),
                f.parentCode() == null ? null : Codes.productCode("filter.parentCode", f.parentCode()));
    }

    @Query("topics")
    @Description("Curated product topics, e.g. drone-components.")
    public List<@NonNull Topic> topics() {
        return Topic.of(products.topics(null));
    }

    @Query("topic")
    @Description("A curated topic by key. Fails with NOT_FOUND for an unknown key.")
    public Topic topic(@NonNull @Name("key") @Description("Topic key, e.g. drone-components.") String key) {
        return Topic.of(products.topics(key)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(InputMessages.unknownKey("key", "topic", key, products.topicKeys())));
    }

    @Description("The category one level up; empty for a section.")
    public List<ProductCategory> parent(@Source List<ProductCategory> categories) {
        List<ProductCategory> parents = ProductCategory.of(products.byCodes(Batch.keys(categories,
                ProductCategory::parentCode)));
        return Batch.one(categories, ProductCategory::parentCode, parents, ProductCategory::code);
    }

    @Description("The section the category belongs to; empty for chapter 99, which belongs to none.")
    public List<ProductCategory> section(@Source List<ProductCategory> categories) {
        List<ProductCategory> sections = ProductCategory.of(products.byCodes(Batch.keys(categories,
                ProductCategory::sectionCode)));
        return Batch.one(categories, ProductCategory::sectionCode, sections, ProductCategory::code);
    }

    @Description("The categories one level down, ordered by code.")
    public List<List<@NonNull ProductCategory>> children(@Source List<ProductCategory> categories) {
        List<ProductCategory> children = ProductCategory.of(products.childrenOf(Batch.keys(categories,
                ProductCategory::code)));
        return Batch.manyBy(categories, ProductCategory::code, children, ProductCategory::parentCode);
    }

    @Description("All categories above this one, from the section down to the parent.")
    public List<List<@NonNull ProductCategory>> ancestors(@Source List<ProductCategory> categories) {
        Map<ProductCategory, List<String>> codes = categories.stream().distinct()
                .collect(Collectors.toMap(c -> c, ProductCategoryApi::ancestorCodes));
        Set<String> all = codes.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        Map<String, ProductCategory> byCode = ProductCategory.of(products.byCodes(all)).stream()
                .collect(Collectors.toMap(ProductCategory::code, p -> p));
        return categories.stream().map(c -> codes.get(c).stream().map(byCode::get).toList()).toList();
    }

    private static List<String> ancestorCodes(ProductCategory c) {
        List<String> out = new ArrayList<>();
        if (c.level() != ProductLevel.SECTION && c.sectionCode() != null) {
            out.add(c.sectionCode());
        }
        if (c.level() == ProductLevel.HEADING || c.level() == ProductLevel.SUBHEADING) {
            out.add(c.code().substring(0, 2));
        }
        if (c.level() == ProductLevel.SUBHEADING) {
            out.add(c.code().substring(0, 4));
        }
        return out;
    }

    @Description("Tier of the Common High Priority List (23 February 2024) for an HS6 on the list; empty otherwise.")
    public List<ChplTier> chplTier(@Source List<ProductCategory> categories) {
        Map<String, ChplTier> tiers = products.chplTiers(Batch.keys(categories, ProductCategory::code));
        return categories.stream().map(c -> tiers.get(c.code())).toList();
    }

    @Description("The HS6 subheadings at or under this category that are on the Common High Priority List.")
    public List<List<@NonNull ProductCategory>> chplListed(@Source List<ProductCategory> categories) {
        return Batch.many(categories, ProductCategory::code,
                Batch.mapped(products.chplListedUnder(Batch.keys(categories, ProductCategory::code)),
                        ProductCategory::of));
    }

    @Description("Curated topics the category belongs to.")
    public List<List<@NonNull Topic>> topics(@Source List<ProductCategory> categories) {
        return Batch.many(categories, ProductCategory::code,
                Batch.mapped(products.topicsOfProducts(Batch.keys(categories, ProductCategory::code)), Topic::of));
    }

    @Description("The categories of the topic, with why each belongs to it.")
    public List<List<@NonNull TopicProduct>> products(@Source List<Topic> topics) {
        return Batch.many(topics, Topic::dbId,
                Batch.mapped(products.topicProducts(Batch.keys(topics, Topic::dbId)), TopicProduct::of));
    }
}
