package org.tradeflows.query;

import java.util.List;
import org.tradeflows.model.ChplTier;
import org.tradeflows.model.ProductLevel;

/**
 * What a selection of product categories asks for, as the store renders it (ProductStore.where); the GraphQL input
 * input/ProductCategoryFilter is one way of giving it. Null means "any".
 */
public interface ProductCategoryCriteria {

    String codePrefix();

    String search();

    List<ProductLevel> levels();

    List<ChplTier> chplTiers();

    /** A topic's key. */
    String topic();

    String parentCode();
}
