package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.ExposureYearRecord;
import org.tradeflows.model.SanctionAuthority;

@Description("Shipments in one calendar year to recipients under a listing of one authority in force at the date.")
public record ExposureYear(
        @NonNull @Description("The sanctioning authority.") SanctionAuthority authority,
        @NonNull @Description("The calendar year of the shipments' dates.") int year,
        @Description("Their EUR value; empty when none has one.") BigDecimal valueEur,
        @NonNull @Description("Number of such shipments.") long shipmentCount,
        @NonNull @Description("Of those, shipments without a EUR value.") long shipmentsWithoutEur,
        @Description("Date of the first such shipment in the year.") LocalDate firstDate,
        @Description("Date of the last such shipment in the year.") LocalDate lastDate,
        @Description("EUR value of everything the filter's shipments sent that year.") BigDecimal yearValueEur,
        @Description("valueEur / yearValueEur, rounded to 6 decimals.") BigDecimal share) {

    public static ExposureYear of(ExposureYearRecord r) {
        return new ExposureYear(r.authority(), r.year(), r.valueEur(), r.shipments(), r.shipmentsWithoutEur(),
                r.firstDate(), r.lastDate(), r.yearTotalEur(), r.share());
    }
}
