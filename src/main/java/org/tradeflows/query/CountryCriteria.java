package org.tradeflows.query;

/**
 * What a selection of countries asks for, as the store renders it (CountryStore.where); the GraphQL input
 * input/CountryFilter is one way of giving it. Null means "any".
 */
public interface CountryCriteria {

    String search();

    String region();
}
