package org.tradeflows.query;

import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.util.List;
import org.tradeflows.sql.Sql;

/**
 * Mirror statistics: A's reported exports to B beside B's reported imports from A, over official figures
 * (trade_volume), each side summed per period, product code and source, the two sides matched on period and code with
 * a full join so that a side nobody reported stays empty, never 0. Only figures of exactly the asked code length are
 * compared (finer codes are not summed up, since a source may carry several levels of the same goods). The gap is
 * importer minus exporter, in EUR, and in per cent of the exporter's figure; it is usual (CIF/FOB and timing) when the
 * per cent lies inside [bandLow, bandHigh]. Pure: {@code store.InvestigationStore} runs it.
 */
public final class MirrorGapSql {

    public static final List<Keyset.Column> ORDER = List.of(new Keyset.Column("period_start", "date", false),
            new Keyset.Column("product_code", "text", false), new Keyset.Column("export_source_id", "bigint", false),
            new Keyset.Column("import_source_id", "bigint", false));

    public static final List<String> COLUMNS = List.of("period_start", "period_end", "product_code", "exporter",
            "importer", "export_value_eur", "export_value_usd", "export_source", "export_release", "import_value_eur",
            "import_value_usd", "import_source", "import_release", "gap_value_eur", "gap_percent", "band_low_percent",
            "band_high_percent", "flag");

    private MirrorGapSql() {
    }

    private static Sql side(MirrorGapQuery q, String reporter, String partner, String flow) {
        return sql("""
                select t.period_start, t.period_end, coalesce(t.product_code, '') as product_code, t.source_id,
                       sum(t.value_eur) as value_eur, sum(t.value_usd) as value_usd, count(*) as figures,
                       max(t.release_id) as release_id
                  from trade_volume t
                 where {}
                 group by t.period_start, t.period_end, t.product_code, t.source_id""",
                Sql.and(sql("t.reporter = {} and t.partner = {} and t.flow = {}", value(reporter), value(partner), value(flow)),
                        sql("t.period_kind = {}", value(q.periodKind().name())),
                        q.hsLength() == null ? sql("t.product_code is null")
                                : sql("length(t.product_code) = {}", value(q.hsLength())),
                        ifGiven(q.hsPrefixes(), p -> sql("t.product_code like any({})",
                                value(p.stream().map(x -> x + "%").toList()))),
                        ifGiven(q.yearFrom(), y -> sql("t.period_start >= make_date({}, 1, 1)", value(y))),
                        ifGiven(q.yearTo(), y -> sql("t.period_start <= make_date({}, 12, 31)", value(y)))));
    }

    /** Every compared row, with the sort columns of {@link #ORDER}. */
    static Sql rows(MirrorGapQuery q) {
        return sql("""
                select r.*, case when r.export_source_id is null then 'EXPORT_MISSING'
                                 when r.import_source_id is null then 'IMPORT_MISSING'
                                 when r.raw_percent is null then 'NOT_COMPARABLE'
                                 when r.raw_percent between {} and {} then 'INSIDE_BAND'
                                 else 'OUTSIDE_BAND' end as flag,
                       round(r.raw_percent, 2) as gap_percent
                  from (select coalesce(e.period_start, i.period_start) as period_start,
                               coalesce(e.period_end, i.period_end) as period_end,
                               nullif(coalesce(e.product_code, i.product_code), '') as product_code,
                               e.source_id as export_source_id, e.value_eur as export_value_eur, e.value_usd as export_value_usd,
                               e.figures as export_figures, e.release_id as export_release_id,
                               i.source_id as import_source_id, i.value_eur as import_value_eur, i.value_usd as import_value_usd,
                               i.figures as import_figures, i.release_id as import_release_id,
                               i.value_eur - e.value_eur as gap_value_eur,
                               (i.value_eur - e.value_eur) / nullif(e.value_eur, 0) * 100 as raw_percent
                          from ({}) e
                          full join ({}) i on i.period_start = e.period_start and i.period_end = e.period_end
                                          and i.product_code = e.product_code) r""",
                value(q.bandLowPercent()), value(q.bandHighPercent()),
                side(q, q.exporter(), q.importer(), "EXPORT"), side(q, q.importer(), q.exporter(), "IMPORT"));
    }

    public static Sql page(MirrorGapQuery q, List<String> after, int limit) {
        return SanctionsExposureSql.page(sql("select * from ({}) r", rows(q)), ORDER, after, limit);
    }

    public static ExportQuery export(MirrorGapQuery q) {
        Sql s = sql("""
                select r.period_start, r.period_end, r.product_code, {} as exporter, {} as importer,
                       r.export_value_eur, r.export_value_usd, es.key as export_source, er.key as export_release,
                       r.import_value_eur, r.import_value_usd, isr.key as import_source, ir.key as import_release,
                       r.gap_value_eur, r.gap_percent, {}::numeric as band_low_percent, {}::numeric as band_high_percent, r.flag
                  from ({}) r
                  left join source es on es.id = r.export_source_id left join data_release er on er.id = r.export_release_id
                  left join source isr on isr.id = r.import_source_id left join data_release ir on ir.id = r.import_release_id
                 order by {}""", value(q.exporter()), value(q.importer()), value(q.bandLowPercent()),
                value(q.bandHighPercent()), rows(q), Keyset.orderBy(ORDER));
        return new ExportQuery("mirror-gaps", s.text(), s.values(), COLUMNS);
    }
}
