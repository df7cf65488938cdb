package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.RateKind;
import org.tradeflows.model.RateUsed;

@Description("The exchange rate an amount was converted at: from which currency, the rate, its kind and period, and "
        + "(field source) who published it.")
public record Conversion(
        @NonNull @Description("ISO 4217 code of the currency the source gave the figure in.") String from,
        @NonNull @Description("Units of that currency per EUR.") BigDecimal unitsPerEur,
        @NonNull @Description("DAY, or an average over a MONTH or a YEAR.") RateKind periodKind,
        @NonNull @Description("The rate's period: YYYY for a year, YYYY-MM for a month, YYYY-MM-DD for a day.") String period,
        @NonNull @Description("First day of the rate's period.") LocalDate periodStart,
        @NonNull @Description("The rate as a reader would say it, e.g. '2024 annual average, 1.0824 USD per EUR'.") String text,
        @Ignore long sourceId) {

    public static Conversion of(RateUsed r) {
        String period = switch (r.kind()) {
            case YEAR -> String.valueOf(r.periodStart().getYear());
            case MONTH -> r.periodStart().toString().substring(0, 7);
            case DAY -> r.periodStart().toString();
        };
        String kind = switch (r.kind()) {
            case YEAR -> "annual average";
            case MONTH -> "monthly average";
            case DAY -> "reference rate";
        };
        return new Conversion(r.currency(), r.unitsPerEur().stripTrailingZeros(), r.kind(), period, r.periodStart(),
                period + " " + kind + ", " + r.unitsPerEur().stripTrailingZeros().toPlainString() + " " + r.currency()
                        + " per EUR", r.sourceId());
    }
}
