package org.tradeflows.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;

/** Which base answers which query: rollups only where their grain gives the same answer. Plain logic, no database. */
class FlowBaseTest {

    private static FlowQuery q(List<FlowDimension> dims, ShipmentScope scope, FlowQuery.Partition partition, boolean distinct) {
        return new FlowQuery(dims, scope, List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), 20, null, partition, distinct);
    }

    private static ShipmentScope scope(LocalDate from, LocalDate to, List<Long> suppliers, List<String> hs, BigDecimal min,
            Boolean sanctioned) {
        return new ShipmentScope(from, to, suppliers, List.of(), List.of("CN"), List.of("RU"), hs, List.of(), List.of(), null,
                sanctioned, List.of(), null, List.of(), List.of(), List.of(), min, false);
    }

    /** The base chosen for a plain flows query with rollups enabled. */
    private static FlowBase chosen(FlowQuery q) {
        return FlowBase.choose(q, false, true);
    }

    @Test
    void countryAndProductGrainsReadTheMonthlyRollup() {
        ShipmentScope s = scope(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), List.of(), List.of("8407"), null, null);
        assertThat(chosen(q(List.of(FlowDimension.SUPPLIER_COUNTRY, FlowDimension.HS4, FlowDimension.YEAR), s, null,
                false))).isEqualTo(FlowBase.FLOW_ROLLUP_MONTH);
        assertThat(chosen(q(List.of(FlowDimension.MONTH), s,
                new FlowQuery.Partition(FlowQuery.PartitionKind.PRODUCT, List.of("84")), false))).isEqualTo(FlowBase.FLOW_ROLLUP_MONTH);
    }

    @Test
    void wholeYearsByPairAndHs4ReadTheYearlyRollup() {
        ShipmentScope s = scope(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31), List.of(), List.of("84"), null, null);
        assertThat(chosen(q(List.of(FlowDimension.SUPPLIER_COUNTRY, FlowDimension.RECIPIENT_COUNTRY,
                FlowDimension.HS4, FlowDimension.YEAR), s, null, false))).isEqualTo(FlowBase.FLOW_ROLLUP_YEAR);
        assertThat(chosen(q(List.of(FlowDimension.HS6), s, null, false))).isEqualTo(FlowBase.FLOW_ROLLUP_MONTH);
        assertThat(chosen(q(List.of(FlowDimension.HS4),
                scope(null, null, List.of(), List.of("840710"), null, null), null, false))).isEqualTo(FlowBase.FLOW_ROLLUP_MONTH);
    }

    @Test
    void whatARollupCannotKnowGoesToTheShipments() {
        ShipmentScope aligned = scope(null, null, List.of(), List.of(), null, null);
        assertThat(chosen(q(List.of(FlowDimension.HS4), aligned, null, true))).as("distinct counts")
                .isEqualTo(FlowBase.SHIPMENTS);
        assertThat(chosen(q(List.of(FlowDimension.HS4),
                scope(LocalDate.of(2023, 1, 15), null, List.of(), List.of(), null, null), null, false))).as("mid-month start")
                .isEqualTo(FlowBase.SHIPMENTS);
        assertThat(chosen(q(List.of(FlowDimension.HS4),
                scope(null, null, List.of(), List.of("84071000"), null, null), null, false))).as("national code")
                .isEqualTo(FlowBase.SHIPMENTS);
        assertThat(chosen(q(List.of(FlowDimension.HS4),
                scope(null, null, List.of(), List.of(), new BigDecimal("1000"), null), null, false))).as("minimum value")
                .isEqualTo(FlowBase.SHIPMENTS);
        assertThat(chosen(q(List.of(FlowDimension.RECIPIENT_SANCTIONED), aligned, null, false))).as("sanctions at a date")
                .isEqualTo(FlowBase.SHIPMENTS);
        assertThat(chosen(q(List.of(FlowDimension.INTERMEDIARY_COUNTRY), aligned, null, false)))
                .isEqualTo(FlowBase.SHIPMENTS);
    }

    @Test
    void companyByYearReadsTheCompanyRollupWithoutCountryOrProductFilters() {
        ShipmentScope plain = ShipmentScope.all();
        assertThat(chosen(q(List.of(FlowDimension.SUPPLIER, FlowDimension.YEAR), plain, null, false)))
                .isEqualTo(FlowBase.COMPANY_ROLLUP_YEAR);
        assertThat(chosen(q(List.of(FlowDimension.YEAR), plain,
                new FlowQuery.Partition(FlowQuery.PartitionKind.COMPANY, List.of(1L, 2L)), false))).isEqualTo(FlowBase.COMPANY_ROLLUP_YEAR);
        assertThat(chosen(q(List.of(FlowDimension.SUPPLIER, FlowDimension.RECIPIENT), plain, null, false)))
                .isEqualTo(FlowBase.SHIPMENTS);
        assertThat(chosen(q(List.of(FlowDimension.SUPPLIER), plain.withPeriod(LocalDate.of(2023, 3, 1), null), null, false)))
                .as("the company rollup is yearly").isEqualTo(FlowBase.SHIPMENTS);
    }
}
