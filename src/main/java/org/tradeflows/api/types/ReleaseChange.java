package org.tradeflows.api.types;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.FigureChange;
import org.tradeflows.model.TradeFlow;

@Description("One official figure that differs between two releases, identified by its natural key (reporter, "
        + "partner, flow, period, product, currency and source), with the figure as it stood in each.")
public record ReleaseChange(
        @NonNull @Description("Added, revised or withdrawn.") FigureChange change,
        @NonNull @Description("The reporter (ISO alpha-2).") String reporterCode,
        @NonNull @Description("The partner (ISO alpha-2).") String partnerCode,
        @NonNull @Description("Direction from the reporter's side.") TradeFlow flow,
        @NonNull @Description("First day of the period.") LocalDate periodStart,
        @NonNull @Description("Last day of the period (inclusive).") LocalDate periodEnd,
        @Description("HS code; empty for all goods.") String productCode,
        @NonNull @Description("Currency of the published value.") String currency,
        @Description("The figure in the earlier release (`from`), with the release that wrote it; empty when ADDED.") TradeVolume before,
        @Description("The figure in the later release (`to`), with the release that wrote it; empty when WITHDRAWN.") TradeVolume after,
        @Ignore long sourceId) {
}
