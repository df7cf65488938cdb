package org.tradeflows.api.types;

import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.MirrorGapRecord;

@Description("What one country reported for one side of a mirror comparison, from one source.")
public record MirrorSide(
        @Description("Sum of the figures in EUR; empty when one has no EUR value.") BigDecimal valueEur,
        @Description("Sum of the figures in USD; empty when one has no USD value.") BigDecimal valueUsd,
        @NonNull @Description("Number of official figures summed (several only when a source splits the period's figure).") long figureCount,
        @Ignore long sourceId,
        @Ignore long releaseId) {

    public static MirrorSide of(MirrorGapRecord.Side s) {
        return s == null ? null : new MirrorSide(s.valueEur(), s.valueUsd(), s.figureCount(), s.sourceId(), s.releaseId());
    }
}
