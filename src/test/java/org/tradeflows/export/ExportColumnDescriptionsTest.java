package org.tradeflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;
import org.tradeflows.store.ExportSql;
import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.FlowSql;
import org.tradeflows.query.ShipmentScope;

/** Every column of every export says what it holds (export/columns.properties), so Parquet and Arrow files do too. */
class ExportColumnDescriptionsTest {

    @Test
    void everyExportColumnHasADescription() {
        List<String> columns = new ArrayList<>();
        columns.addAll(ExportSql.SHIPMENT_COLUMNS);
        columns.addAll(ExportSql.TRADE_VOLUME_COLUMNS);
        columns.addAll(ExportSql.COMPANY_COLUMNS);
        columns.addAll(ExportSql.FINDING_COLUMNS);
        columns.addAll(ExportSql.RELEASE_DIFF_COLUMNS);
        columns.addAll(org.tradeflows.query.SanctionsExposureSql.LISTING_COLUMNS);
        columns.addAll(org.tradeflows.query.SanctionsExposureSql.SUPPLIER_COLUMNS);
        columns.addAll(org.tradeflows.query.MirrorGapSql.COLUMNS);
        columns.addAll(org.tradeflows.query.SupplyPathSql.COLUMNS);
        List<FlowDimension> dimensions = Arrays.asList(FlowDimension.values());
        for (int from = 0; from < dimensions.size(); from += 6) { // a query groups by at most 6
            FlowQuery q = new FlowQuery(dimensions.subList(from, Math.min(from + 6, dimensions.size())),
                    ShipmentScope.all(), List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), 1, null, null);
            columns.addAll(FlowSql.export(q).columns());
        }
        assertThat(columns.stream().distinct().filter(c -> ExportMetadata.description(c).isBlank()).toList())
                .as("columns without a line in export/columns.properties").isEmpty();
    }
}
