package org.tradeflows.query;

import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.util.ArrayList;
import java.util.List;
import org.tradeflows.sql.Sql;

/** Renders a {@link ShipmentScope} as conditions on the shipment alias {@code s}: the one home of shipment filters. */
public final class ShipmentScopeSql {

    private ShipmentScopeSql() {
    }

    /**
     * The recipient is under a sanction in force at the shipment's start date by the one rule ({@link SanctionRules}),
     * of one of the authorities when they are given; the sanctions read as of the release (null: latest), as the
     * shipments are.
     */
    static Sql recipientSanctioned(List<String> authorities, Long asOfRelease) {
        return sql("exists (select 1 from {} x where x.company_id = s.recipient_id and {}{})",
                AsOfSql.sanctions(asOfRelease), SanctionRules.inForce("x", sql("s.period_start")),
                ifGiven(authorities, a -> sql(" and x.authority = any({})", value(a))));
    }

    /** The shipments the scope reads, under alias {@code s}: the table, or the shipments as of its release. */
    public static Sql from(ShipmentScope f) {
        return sql("{} s", AsOfSql.shipments(f.asOfRelease()));
    }

    /** One value as an equality (which an ordered index scan can use), several as = any(array). */
    private static Sql in(String column, List<?> values) {
        if (values.size() == 1) {
            return sql(column + " = {}", value(values.get(0)));
        }
        return values.isEmpty() ? Sql.EMPTY : sql(column + " = any({})", value(values));
    }

    public static Sql where(ShipmentScope f) {
        List<Sql> w = new ArrayList<>();
        w.add(SyntheticRules.realShipmentUnless(f.includeSynthetic()));
        w.add(ifGiven(f.periodFrom(), d -> sql("s.period_start >= {}", value(d))));
        w.add(ifGiven(f.periodTo(), d -> sql("s.period_start <= {}", value(d))));
        w.add(in("s.supplier_id", f.supplierIds()));
        w.add(in("s.recipient_id", f.recipientIds()));
        w.add(in("s.supplier_country", f.supplierCountries()));
        w.add(in("s.recipient_country", f.recipientCountries()));
        if (!f.hsPrefixes().isEmpty() && f.sections().isEmpty() && f.hsPrefixes().stream().allMatch(p -> p.length() >= 2)) {
            // implied by the prefixes, but an index can use it
            w.add(in("s.hs2", f.hsPrefixes().stream().map(p -> p.substring(0, 2)).distinct().toList()));
        }
        if (!f.hsPrefixes().isEmpty() || !f.sections().isEmpty()) {
            w.add(Sql.or(
                    ifGiven(f.hsPrefixes(), p -> sql("s.hs_code like any({})", value(p.stream().map(x -> x + "%").toList()))),
                    ifGiven(f.sections(), s -> sql("s.hs2 in (select code from product_category where level = 'CHAPTER' "
                            + "and section_code = any({}))", value(s)))));
        }
        w.add(ifGiven(f.chplTiers(), t -> sql("s.hs6 in (select hs6 from chpl_entry where tier = any({}))", value(t))));
        w.add(ifGiven(f.topic(), t -> sql("""
                exists (select 1 from topic_product tp join topic t on t.id = tp.topic_id
                         where t.key = {} and starts_with(s.hs_code, tp.product_code))""", value(t))));
        if (f.recipientSanctioned() != null) {
            Sql sanctioned = recipientSanctioned(f.sanctionAuthorities(), f.asOfRelease());
            w.add(f.recipientSanctioned() ? sanctioned : sanctioned.not());
        }
        if (f.throughIntermediary() != null) {
            Sql exists = sql("exists (select 1 from shipment_intermediary si where si.shipment_id = s.id)");
            w.add(f.throughIntermediary() ? exists : exists.not());
        }
        w.add(ifGiven(f.intermediaryCountries(), c -> sql("""
                exists (select 1 from shipment_intermediary si left join company ic on ic.id = si.company_id
                         where si.shipment_id = s.id and coalesce(si.country_code, ic.country_code) = any({}))""", value(c))));
        w.add(ifGiven(f.intermediaryIds(), ids -> sql("exists (select 1 from shipment_intermediary si where si.shipment_id = s.id "
                + "and si.company_id = any({}))", value(ids))));
        w.add(in("s.source_id", f.sourceIds()));
        w.add(ifGiven(f.minValueEur(), v -> sql("s.value_eur >= {}", value(v))));
        return Sql.and(w);
    }
}
