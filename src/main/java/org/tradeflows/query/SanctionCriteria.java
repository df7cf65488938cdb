package org.tradeflows.query;

import java.time.LocalDate;
import java.util.List;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.model.SyntheticChoice;

/**
 * What a selection of sanctions asks for, as the store renders it (SanctionStore.where); the GraphQL input
 * input/SanctionFilter is one way of giving it. Null means "any".
 */
public interface SanctionCriteria extends SyntheticChoice {

    List<SanctionAuthority> authorities();

    List<String> companyCountries();

    LocalDate inForceOn();

    Boolean confirmed();
}
