package org.tradeflows.store;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.tradeflows.query.AsOfSql;
import org.tradeflows.query.CompanyCriteria;
import org.tradeflows.query.ExportQuery;
import org.tradeflows.query.FindingCriteria;
import org.tradeflows.query.SanctionRules;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.query.ShipmentScopeSql;
import org.tradeflows.query.TradeVolumeCriteria;
import org.tradeflows.sql.Sql;

/**
 * The statements behind the streaming exports. Each selects exactly the documented columns, in their documented
 * order, with the same filters as the GraphQL API (the stores' own conditions, CompanyStore.where and the like, so it
 * lives beside them); ids are the API's global ids. Built here, run by the export door.
 */
@ApplicationScoped
public class ExportSql {

    public static final List<String> SHIPMENT_COLUMNS = List.of("id", "source_record_ref", "period_start", "period_end",
            "supplier_id", "supplier_name", "supplier_declared_name", "supplier_country", "recipient_id", "recipient_name",
            "recipient_declared_name", "recipient_country", "origin_country", "destination_country", "intermediaries",
            "hs_code", "product_code", "description", "value", "currency", "value_qualifier", "value_eur", "value_usd",
            "quantity", "quantity_unit", "net_weight_kg", "source", "release", "synthetic");

    public ExportQuery shipments(ShipmentScope scope) {
        Sql statement = sql("""
                select global_id('Shipment', s.id::text) as id, s.source_record_ref, s.period_start, s.period_end,
                       global_id('Company', s.supplier_id::text) as supplier_id, sup.name as supplier_name,
                       s.supplier_declared_name, s.supplier_country,
                       global_id('Company', s.recipient_id::text) as recipient_id, rec.name as recipient_name,
                       s.recipient_declared_name, s.recipient_country, s.origin_country, s.destination_country,
                       (select string_agg(coalesce(ic.name, '') || '@' || coalesce(si.country_code, ic.country_code, ''), '; '
                                          order by si.position)
                          from shipment_intermediary si left join company ic on ic.id = si.company_id
                         where si.shipment_id = s.id) as intermediaries,
                       s.hs_code, s.product_code, s.description, s.value, s.currency, s.value_qualifier, s.value_eur,
                       s.value_usd, s.quantity, s.quantity_unit, s.net_weight_kg, src.key as source, rel.key as release,
                       s.synthetic
                  from shipment s
                  left join company sup on sup.id = s.supplier_id
                  left join company rec on rec.id = s.recipient_id
                  join source src on src.id = s.source_id
                  join data_release rel on rel.id = s.release_id
                 where {}
                 order by s.period_start, s.id""", ShipmentScopeSql.where(scope));
        return new ExportQuery("shipments", statement.text(), statement.values(), SHIPMENT_COLUMNS);
    }

    public static final List<String> TRADE_VOLUME_COLUMNS = List.of("id", "reporter", "partner", "flow", "period_kind",
            "period_start", "period_end", "product_code", "value", "currency", "value_qualifier", "value_eur", "value_usd",
            "net_weight_kg", "quantity", "quantity_unit", "source", "source_citation", "release", "note");

    /** @param asOfRelease the release the figures are read as of; null for the latest data */
    public ExportQuery tradeVolumes(TradeVolumeCriteria filter, Long asOfRelease) {
        Sql statement = sql("""
                select global_id('TradeVolume', t.id::text) as id, t.reporter, t.partner, t.flow, t.period_kind, t.period_start,
                       t.period_end, t.product_code, t.value, t.currency, t.value_qualifier, t.value_eur, t.value_usd,
                       t.net_weight_kg, t.quantity, t.quantity_unit, src.key as source, src.citation as source_citation,
                       rel.key as release, t.note
                  from {} t join source src on src.id = t.source_id join data_release rel on rel.id = t.release_id
                 where {}
                 order by t.period_start, t.id""", AsOfSql.tradeVolumes(asOfRelease), TradeVolumeStore.where(filter));
        return new ExportQuery("trade-volumes", statement.text(), statement.values(), TRADE_VOLUME_COLUMNS);
    }

    public static final List<String> RELEASE_DIFF_COLUMNS = List.of("change", "reporter", "partner", "flow",
            "period_start", "period_end", "product_code", "currency", "source", "old_value", "old_value_usd",
            "old_value_qualifier", "old_release", "new_value", "new_value_usd", "new_value_qualifier", "new_release");

    /**
     * The figures that changed between two releases (trade_volume_release_diff, V17), in the order of their keys;
     * {@code filter} is a condition on the figure's columns under alias {@code t} (TradeVolumeStore.where).
     */
    public ExportQuery releaseDiff(long fromRelease, long toRelease, Sql filter) {
        Sql statement = sql("""
                select d.change, t.reporter, t.partner, t.flow, t.period_start, t.period_end, t.product_code, t.currency,
                       src.key as source, (d.old_figure).value as old_value, (d.old_figure).value_usd as old_value_usd,
                       (d.old_figure).value_qualifier as old_value_qualifier, ro.key as old_release,
                       (d.new_figure).value as new_value, (d.new_figure).value_usd as new_value_usd,
                       (d.new_figure).value_qualifier as new_value_qualifier, rn.key as new_release
                  from trade_volume_release_diff({}, {}) d
                  cross join lateral (select (coalesce(d.new_figure, d.old_figure)).*) t
                  join source src on src.id = t.source_id
                  left join data_release ro on ro.id = (d.old_figure).release_id
                  left join data_release rn on rn.id = (d.new_figure).release_id
                 where {}
                 order by d.figure_key collate "C"
                """, value(fromRelease), value(toRelease), filter);
        return new ExportQuery("release-diff", statement.text(), statement.values(), RELEASE_DIFF_COLUMNS);
    }

    public static final List<String> COMPANY_COLUMNS = List.of("id", "name", "name_original", "country", "city",
            "special_economic_zone", "aliases", "identifiers", "sanctions", "sanctioned_today", "source");

    public ExportQuery companies(CompanyCriteria filter) {
        Sql sql = sql("""
                select global_id('Company', c.id::text) as id, c.name, c.name_original, c.country_code as country, c.city,
                       c.special_economic_zone,
                       (select string_agg(a.alias, '; ' order by a.id) from company_alias a where a.company_id = c.id) as aliases,
                       (select string_agg(i.scheme || ':' || i.value, '; ' order by i.scheme, i.value)
                          from company_identifier i where i.company_id = c.id) as identifiers,
                       (select string_agg(x.authority || coalesce(' ' || x.listed_on::text, '') || coalesce('..' || x.ended_on::text, '')
                                          || case when x.confirmed then '' else ' (reported)' end, '; ' order by x.listed_on nulls last, x.id)
                          from sanction x where x.company_id = c.id) as sanctions,
                       exists (select 1 from sanction s where s.company_id = c.id and {}) as sanctioned_today,
                       (select key from source where id = c.source_id) as source
                  from company c
                 where {}
                 order by lower(c.name), c.id""", SanctionRules.inForce(LocalDate.now()), CompanyStore.where(filter));
        return new ExportQuery("companies", sql.text(), sql.values(), COMPANY_COLUMNS);
    }

    public static final List<String> FINDING_COLUMNS = List.of("id", "key", "kind", "statement", "value", "currency",
            "value_qualifier", "count", "count_unit", "count_qualifier", "period_start", "period_end", "period_label",
            "part_of", "companies", "countries", "products", "confirmed", "source", "citation", "note");

    public ExportQuery findings(FindingCriteria filter, Long companyId) {
        Sql statement = sql("""
                select global_id('Finding', f.id::text) as id, f.key, f.kind, f.statement, f.value, f.currency,
                       f.value_qualifier, f.count, f.count_unit, f.count_qualifier, f.period_start, f.period_end,
                       f.period_label, (select p.key from finding p where p.id = f.part_of_id) as part_of,
                       (select string_agg(c.name || ' (' || fc.role || ')', '; ' order by fc.role, c.name)
                          from finding_company fc join company c on c.id = fc.company_id where fc.finding_id = f.id) as companies,
                       (select string_agg(fk.country_code || ' (' || fk.role || ')', '; ' order by fk.role, fk.country_code)
                          from finding_country fk where fk.finding_id = f.id) as countries,
                       (select string_agg(fp.product_code, '; ' order by fp.product_code)
                          from finding_product fp where fp.finding_id = f.id) as products,
                       f.confirmed, src.key as source, src.citation, f.note
                  from finding f join source src on src.id = f.source_id
                 where {}
                 order by f.id""", FindingStore.where(filter, companyId));
        return new ExportQuery("findings", statement.text(), statement.values(), FINDING_COLUMNS);
    }
}
