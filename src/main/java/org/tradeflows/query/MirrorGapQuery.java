package org.tradeflows.query;

import java.math.BigDecimal;
import java.util.List;
import org.tradeflows.model.PeriodKind;

/**
 * A validated mirror comparison: what {@code exporter} declared exporting to {@code importer} beside what
 * {@code importer} declared importing from {@code exporter}, per period of one kind and per product code of one length
 * ({@code hsLength} null: the all-goods totals), with the band in per cent inside which a gap is usual.
 */
public record MirrorGapQuery(String exporter, String importer, List<String> hsPrefixes, Integer hsLength,
        PeriodKind periodKind, Integer yearFrom, Integer yearTo, BigDecimal bandLowPercent, BigDecimal bandHighPercent) {
}
