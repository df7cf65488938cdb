package org.tradeflows.query;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link ShipmentScope} as conditions on the shipment alias {@code s}: the one home of shipment filters. */
public final class ShipmentScopeSql {

    /** Recipient under a confirmed sanction in force at the shipment's start date (authorities bound when given). */
    static final String RECIPIENT_SANCTIONED = """
            exists (select 1 from sanction x where x.company_id = s.recipient_id and x.confirmed
                      and x.listed_on <= s.period_start and (x.ended_on is null or x.ended_on > s.period_start)%s)""";

    private ShipmentScopeSql() {
    }

    /** The sanctioned-recipient expression and its parameters (none, or the authorities array). */
    static Where.Fragment recipientSanctioned(List<String> authorities) {
        if (authorities == null || authorities.isEmpty()) {
            return new Where.Fragment(RECIPIENT_SANCTIONED.formatted(""), List.of());
        }
        return new Where.Fragment(RECIPIENT_SANCTIONED.formatted(" and x.authority = any(?)"), List.of(authorities));
    }

    /** One value as an equality (which an ordered index scan can use), several as = any(array). */
    private static void in(Where w, String column, java.util.List<?> values) {
        if (values.size() == 1) {
            w.and(column + " = ?", values.get(0));
        } else if (!values.isEmpty()) {
            w.and(column + " = any(?)", values);
        }
    }

    public static Where where(ShipmentScope f) {
        Where w = new Where();
        if (!f.includeSynthetic()) {
            w.and("not s.synthetic");
        }
        w.andIf(f.periodFrom(), "s.period_start >= ?", f.periodFrom());
        w.andIf(f.periodTo(), "s.period_start <= ?", f.periodTo());
        in(w, "s.supplier_id", f.supplierIds());
        in(w, "s.recipient_id", f.recipientIds());
        in(w, "s.supplier_country", f.supplierCountries());
        in(w, "s.recipient_country", f.recipientCountries());
        if (!f.hsPrefixes().isEmpty() && f.sections().isEmpty() && f.hsPrefixes().stream().allMatch(p -> p.length() >= 2)) {
            // implied by the prefixes, but an index can use it
            in(w, "s.hs2", f.hsPrefixes().stream().map(p -> p.substring(0, 2)).distinct().toList());
        }
        if (!f.hsPrefixes().isEmpty() || !f.sections().isEmpty()) {
            List<String> alternatives = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (!f.hsPrefixes().isEmpty()) {
                alternatives.add("s.hs_code like any(?)");
                params.add(f.hsPrefixes().stream().map(p -> p + "%").toList());
            }
            if (!f.sections().isEmpty()) {
                alternatives.add("s.hs2 in (select code from product_category where level = 'CHAPTER' and section_code = any(?))");
                params.add(f.sections());
            }
            w.and("(" + String.join(" or ", alternatives) + ")", params.toArray());
        }
        w.andIf(f.chplTiers(), "s.hs6 in (select hs6 from chpl_entry where tier = any(?))", f.chplTiers());
        w.andIf(f.topic(), """
                exists (select 1 from topic_product tp join topic t on t.id = tp.topic_id
                         where t.key = ? and starts_with(s.hs_code, tp.product_code))""", f.topic());
        if (f.recipientSanctioned() != null) {
            Where.Fragment sanctioned = recipientSanctioned(f.sanctionAuthorities());
            w.and(f.recipientSanctioned() ? sanctioned.sql() : "not " + sanctioned.sql(), sanctioned.params().toArray());
        }
        if (f.throughIntermediary() != null) {
            String exists = "exists (select 1 from shipment_intermediary si where si.shipment_id = s.id)";
            w.and(f.throughIntermediary() ? exists : "not " + exists);
        }
        w.andIf(f.intermediaryCountries(), """
                exists (select 1 from shipment_intermediary si left join company ic on ic.id = si.company_id
                         where si.shipment_id = s.id and coalesce(si.country_code, ic.country_code) = any(?))""",
                f.intermediaryCountries());
        w.andIf(f.intermediaryIds(), "exists (select 1 from shipment_intermediary si where si.shipment_id = s.id "
                + "and si.company_id = any(?))", f.intermediaryIds());
        in(w, "s.source_id", f.sourceIds());
        w.andIf(f.minValueEur(), "s.value_eur >= ?", f.minValueEur());
        return w;
    }
}
