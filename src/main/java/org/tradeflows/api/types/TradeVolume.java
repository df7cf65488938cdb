package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.PeriodKind;
import org.tradeflows.model.TradeFlow;
import org.tradeflows.model.TradeVolumeRecord;

@Description("An official country-level trade figure as one reporter publishes it. The two sides of a pair (mirror "
        + "data) and figures of different sources are separate rows, never added together.")
public record TradeVolume(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("Direction from the reporter's side.") TradeFlow flow,
        @NonNull @Description("Length of the period.") PeriodKind periodKind,
        @NonNull @Description("The period.") Period period,
        @NonNull @Description("The value as published, in its currency and precision.") Money value,
        @Description("The value in EUR at the ECB rate of the period; empty where no rate is known.") BigDecimal valueEur,
        @Description("The value in USD at the ECB rate of the period; empty where no rate is known.") BigDecimal valueUsd,
        @Description("Net weight in kilograms, where published.") BigDecimal netWeightKg,
        @Description("Quantity, where published.") BigDecimal quantity,
        @Description("Unit of the quantity.") String quantityUnit,
        @Description("Remarks from the source, e.g. growth rates or other sources giving the same figure.") String note,
        @Ignore String reporterCode,
        @Ignore String partnerCode,
        @Ignore String productCode,
        @Ignore long sourceId,
        @Ignore long releaseId) implements Node {

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }

    /** The figure as the API shows it, or null where there is none (one side of a release diff). */
    public static TradeVolume of(TradeVolumeRecord r) {
        return r == null ? null : new TradeVolume(GlobalId.of("TradeVolume", r.id()), r.flow(), r.periodKind(),
                Period.of(r.period()), Money.of(r.value()), r.valueEur(), r.valueUsd(), r.netWeightKg(), r.quantity(),
                r.quantityUnit(), r.note(), r.reporterCode(), r.partnerCode(), r.productCode(), r.sourceId(), r.releaseId());
    }

    public static List<TradeVolume> of(List<TradeVolumeRecord> rows) {
        return rows.stream().map(TradeVolume::of).toList();
    }
}
