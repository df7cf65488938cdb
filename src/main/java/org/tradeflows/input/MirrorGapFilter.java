package org.tradeflows.input;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.PeriodKind;
import org.tradeflows.model.ProductLevel;

@Input("MirrorGapFilter")
@Description("Which mirror figures to compare: the exporter's reported exports to the importer beside the importer's "
        + "reported imports from the exporter.")
public record MirrorGapFilter(
        @NonNull @Description("The exporting country (an " + CountryCodes.ACCEPTED + ").") String exporter,
        @NonNull @Description("The importing country (an " + CountryCodes.ACCEPTED + ").") String importer,
        @Description("Only goods under these HS code prefixes (1 to 10 digits).") List<String> hsCodes,
        @Description("Compare figures at this HS level (CHAPTER, HEADING or SUBHEADING); empty: the all-goods totals. "
                + "Only figures reported at exactly that level are compared; finer ones are not summed up.") ProductLevel level,
        @Description("Compare figures of this period length (default YEAR).") PeriodKind periodKind,
        @Description("First year (inclusive).") Integer yearFrom,
        @Description("Last year (inclusive).") Integer yearTo,
        @Description("Lower edge of the usual band, in per cent of the exporter's figure (default -5).") BigDecimal bandLowPercent,
        @Description("Upper edge of the usual band, in per cent of the exporter's figure (default 15).") BigDecimal bandHighPercent) {
}
