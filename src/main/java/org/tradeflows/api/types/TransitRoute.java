package org.tradeflows.api.types;

import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.TransitRouteRecord;

@Description("One candidate transit country, from one source: origin → transit and transit → destination in the same "
        + "goods in the year before and the year after, with growth, and the transit country's share of the "
        + "destination's imports of those goods. Values are the exporters' declared exports in EUR; empty means no "
        + "figure, never 0.")
public record TransitRoute(
        @NonNull @Description("ISO 3166 alpha-2 code of the transit country.") String viaCode,
        @Description("Origin → transit, the year before.") BigDecimal originToViaBeforeEur,
        @Description("Origin → transit, the year after.") BigDecimal originToViaAfterEur,
        @Description("Growth of origin → transit in per cent, 2 decimals; empty without a figure the year before.") BigDecimal originToViaGrowthPercent,
        @Description("Transit → destination, the year before.") BigDecimal viaToDestinationBeforeEur,
        @Description("Transit → destination, the year after.") BigDecimal viaToDestinationAfterEur,
        @Description("Growth of transit → destination in per cent, 2 decimals; empty without a figure the year before.") BigDecimal viaToDestinationGrowthPercent,
        @Description("The destination's imports of the goods from every exporter, the year before.") BigDecimal destinationImportsBeforeEur,
        @Description("The destination's imports of the goods from every exporter, the year after.") BigDecimal destinationImportsAfterEur,
        @Description("Transit → destination as a share of the destination's imports, the year before (0 to 1, 6 decimals).") BigDecimal shareBefore,
        @Description("Transit → destination as a share of the destination's imports, the year after (0 to 1, 6 decimals).") BigDecimal shareAfter,
        @Ignore long sourceId) {

    public static TransitRoute of(TransitRouteRecord r) {
        return new TransitRoute(r.via(), r.originToViaBefore(), r.originToViaAfter(), r.originToViaGrowth(),
                r.viaToDestinationBefore(), r.viaToDestinationAfter(), r.viaToDestinationGrowth(),
                r.destinationImportsBefore(), r.destinationImportsAfter(), r.shareBefore(), r.shareAfter(), r.sourceId());
    }
}
