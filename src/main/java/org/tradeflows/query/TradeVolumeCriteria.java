package org.tradeflows.query;

import java.util.List;
import org.tradeflows.model.TradeFlow;

/**
 * What a selection of official trade figures asks for, as the store renders it (TradeVolumeStore.where, also under
 * the grouped figures of TradeVolumeFlowSql and the exports); the GraphQL input input/TradeVolumeFilter is one way of
 * giving it. Null means "any".
 */
public interface TradeVolumeCriteria {

    List<String> reporters();

    List<String> partners();

    List<TradeFlow> flows();

    Integer yearFrom();

    Integer yearTo();

    String productCode();

    Boolean allGoods();

    /** A source's key. */
    String source();
}
