package org.tradeflows.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;

/**
 * The flows export names its columns from the column list itself (not from the SQL text), in the order the export's
 * documentation gives, and every value of the statement is bound: one placeholder per value. Plain logic, no database.
 */
class FlowSqlTest {

    /** The measure columns as ExportResource documents them for /export/flows. */
    private static final List<String> DOCUMENTED_MEASURES = List.of("value_eur", "value_usd", "value_qualifier",
            "shipment_count", "shipments_without_eur", "net_weight_kg", "distinct_suppliers", "distinct_recipients",
            "first_date", "last_date", "share_of_total");

    private static FlowQuery query(List<FlowDimension> dims, ShipmentScope scope) {
        return new FlowQuery(dims, scope, List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), 1, null, null);
    }

    @Test
    void exportColumnsAreTheDocumentedOnesInGroupByOrder() {
        List<FlowDimension> dims = List.of(FlowDimension.SUPPLIER, FlowDimension.RECIPIENT_COUNTRY, FlowDimension.QUARTER,
                FlowDimension.SOURCE, FlowDimension.RECIPIENT_SANCTIONED);
        ExportQuery export = FlowSql.export(query(dims, ShipmentScope.all()));
        List<String> expected = new ArrayList<>(List.of("supplier_id", "supplier_name", "recipient_country", "quarter",
                "source", "recipient_sanctioned"));
        expected.addAll(DOCUMENTED_MEASURES);
        assertThat(export.columns()).containsExactlyElementsOf(expected);
        for (String column : expected) {
            assertThat(export.sql()).contains(" as " + column);
        }
    }

    @Test
    void everyValueHasItsPlaceholder() {
        ShipmentScope scope = ShipmentScope.all().withPeriod(java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2023, 12, 31));
        ExportQuery export = FlowSql.export(query(List.of(FlowDimension.HS4, FlowDimension.RECIPIENT_SANCTIONED), scope));
        assertThat(export.sql().chars().filter(c -> c == '?').count()).isEqualTo(export.params().size());
        assertThat(export.params()).isNotEmpty();
    }
}
