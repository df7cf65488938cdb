package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CompanyRole;
import org.tradeflows.model.CounterpartyRecord;

@Description("A company on the other side of a company's flows, with the totals between the two.")
public record Counterparty(
        @NonNull @Description("SUPPLIER: it sent goods to the company; RECIPIENT: it received goods from the company.") CompanyRole role,
        @NonNull @Description("Totals of the flows between the two in that direction.") FlowMeasures totals,
        @Ignore long companyId) {

    public static Counterparty of(CounterpartyRecord r) {
        return new Counterparty(r.role(), FlowMeasures.of(r.totals()), r.companyId());
    }
}
