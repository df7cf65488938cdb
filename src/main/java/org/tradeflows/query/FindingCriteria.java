package org.tradeflows.query;

import java.time.LocalDate;
import java.util.List;
import org.tradeflows.model.CompanyRole;
import org.tradeflows.model.FindingKind;
import org.tradeflows.model.SyntheticChoice;

/**
 * What a selection of findings asks for, as the store renders it (FindingStore.where, with the company's id resolved
 * apart); the GraphQL input input/FindingFilter is one way of giving it. Null means "any".
 */
public interface FindingCriteria extends SyntheticChoice {

    List<FindingKind> kinds();

    List<CompanyRole> companyRoles();

    List<String> countries();

    String productCode();

    /** A source's key. */
    String source();

    LocalDate periodFrom();

    LocalDate periodTo();

    Boolean confirmed();

    String search();
}
