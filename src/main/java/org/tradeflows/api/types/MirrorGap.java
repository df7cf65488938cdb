package org.tradeflows.api.types;

import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.MirrorGapFlag;
import org.tradeflows.model.MirrorGapRecord;

@Description("One period and product code: what the exporter declared exporting to the importer beside what the "
        + "importer declared importing from the exporter, each from its own source and release, and the gap.")
public record MirrorGap(
        @NonNull @Description("The period both figures cover.") Period period,
        @Description("The HS code compared; empty when the all-goods totals are compared.") String productCode,
        @Description("The exporter's side; empty when the exporter reported nothing (missing, not 0).") MirrorSide exported,
        @Description("The importer's side; empty when the importer reported nothing (missing, not 0).") MirrorSide imported,
        @Description("Importer's minus exporter's EUR value; empty when a side is missing or has no EUR value.") BigDecimal gapValueEur,
        @Description("The gap in per cent of the exporter's EUR value, rounded to 2 decimals; empty when not comparable.") BigDecimal gapPercent,
        @NonNull @Description("Whether the gap lies inside the usual band, outside it, or a side is missing.") MirrorGapFlag flag) {

    public static MirrorGap of(MirrorGapRecord r) {
        return new MirrorGap(new Period(r.periodStart(), r.periodEnd(), null), r.productCode(), MirrorSide.of(r.exported()),
                MirrorSide.of(r.imported()), r.gapValueEur(), r.gapPercent(), r.flag());
    }
}
