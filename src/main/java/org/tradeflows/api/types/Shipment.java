package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.ShipmentRecord;

@Description("A company-level flow: one customs record or reported flow from a supplier to a recipient over a date or "
        + "a period, with the value as declared and normalised to EUR and USD.")
public record Shipment(
        @NonNull @Id @Description("Global id.") String id,
        @NonNull @Description("The record's reference in its source (e.g. a declaration number).") String sourceRecordRef,
        @Description("The supplier's name as declared in the record.") String supplierDeclaredName,
        @Description("The recipient's name as declared in the record.") String recipientDeclaredName,
        @NonNull @Description("The date (start = end) or period of the flow.") Period period,
        @NonNull @Description("The HS or national code as declared (2-10 digits).") String hsCode,
        @Description("The goods as declared.") String description,
        @NonNull @Description("The value as declared, in its currency and precision.") Money value,
        @Description("The value in EUR at the ECB rate of its month, else its year; empty without a rate.") BigDecimal valueEur,
        @Description("The value in USD, converted the same way.") BigDecimal valueUsd,
        @Description("Quantity, where declared.") BigDecimal quantity,
        @Description("Unit of the quantity.") String quantityUnit,
        @Description("Net weight in kilograms, where declared.") BigDecimal netWeightKg,
        @NonNull @Description("True for generated test data; never part of the open dataset.") boolean synthetic,
        @Ignore long dbId,
        @Ignore Long supplierId,
        @Ignore Long recipientId,
        @Ignore String supplierCountryCode,
        @Ignore String recipientCountryCode,
        @Ignore String originCountryCode,
        @Ignore String destinationCountryCode,
        @Ignore String productCode,
        @Ignore long sourceId,
        @Ignore long releaseId) implements Node {

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    public static Shipment of(ShipmentRecord r) {
        return new Shipment(GlobalId.of("Shipment", r.id()), r.sourceRecordRef(), r.supplierDeclaredName(),
                r.recipientDeclaredName(), Period.of(r.period()), r.hsCode(), r.description(), Money.of(r.value()),
                r.valueEur(), r.valueUsd(), r.quantity(), r.quantityUnit(), r.netWeightKg(), r.synthetic(), r.id(),
                r.supplierId(), r.recipientId(), r.supplierCountryCode(), r.recipientCountryCode(), r.originCountryCode(),
                r.destinationCountryCode(), r.productCode(), r.sourceId(), r.releaseId());
    }

    public static List<Shipment> of(List<ShipmentRecord> rows) {
        return rows.stream().map(Shipment::of).toList();
    }
}
