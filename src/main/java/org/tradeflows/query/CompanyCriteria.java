package org.tradeflows.query;

import java.time.LocalDate;
import java.util.List;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.model.SyntheticChoice;

/**
 * What a selection of companies asks for, as the store renders it (CompanyStore.where); the GraphQL input
 * input/CompanyFilter is one way of giving it, so the SQL side never sees the door's type. Null means "any".
 */
public interface CompanyCriteria extends SyntheticChoice {

    String search();

    List<String> countries();

    Boolean sanctioned();

    List<SanctionAuthority> sanctionAuthorities();

    LocalDate sanctionedOn();

    String identifier();

    String specialEconomicZone();
}
