package org.tradeflows.api.types;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.tradeflows.model.PeriodRecord;

@Description("A period from start to end (inclusive), with the wording the source uses.")
public record Period(
        @Description("First day; empty where the source gives none.") LocalDate start,
        @Description("Last day (inclusive); empty where the source gives none.") LocalDate end,
        @Description("The period as the source words it, e.g. '2023–2024', 'three months of 2023'.") String label) {

    public static Period of(PeriodRecord r) {
        return new Period(r.start(), r.end(), r.label());
    }
}
