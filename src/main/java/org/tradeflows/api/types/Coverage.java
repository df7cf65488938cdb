package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("How much of the trade between two countries the company-level data can name: documented shipments "
        + "next to each official total for the same direction, period and product, and their ratio.")
public record Coverage(
        @NonNull @Description("The period asked about.") Period period,
        @NonNull @Description("Totals of the documented company-level flows from exporter to importer.") FlowMeasures documented,
        @NonNull @Description("Official totals for the same direction, period and product: the exporter's exports and the "
                + "importer's imports (mirror figures), one per reporter, source and all-goods flag.") List<@NonNull OfficialTotal> official,
        @Ignore String exporterCode,
        @Ignore String importerCode,
        @Ignore String productCode) {
}
