package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.TradeVolumeOrderField;

@Input("TradeVolumeOrder")
@Description("One ordering criterion for official trade groups; group keys break remaining ties.")
public record TradeVolumeOrder(
        @NonNull @Description("What to order by.") TradeVolumeOrderField field,
        @Description("Direction (default DESC for measures, ASC for dimensions).") SortDirection direction) {
}
