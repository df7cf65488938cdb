package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CountRecord;
import org.tradeflows.model.ValueQualifier;

@Description("A reported number of things (suppliers, firms, drones) with its precision.")
public record Count(
        @NonNull @Description("The number.") long value,
        @NonNull @Description("What is counted, e.g. 'Chinese suppliers'.") String unit,
        @NonNull @Description("Precision as the source gives it.") ValueQualifier qualifier,
        @NonNull @Description("The count as a reader would say it, e.g. 'more than 2,000 Harpy drones produced'.") String text) {

    public static Count of(long value, String unit, ValueQualifier qualifier) {
        return new Count(value, unit, qualifier, FigureText.count(value, unit, qualifier));
    }

    /** A stated count as a figure, or null when there is none. */
    public static Count of(CountRecord r) {
        return r == null ? null : of(r.value(), r.unit(), r.qualifier());
    }
}
