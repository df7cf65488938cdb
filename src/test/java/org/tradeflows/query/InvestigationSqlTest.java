package org.tradeflows.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.PeriodKind;
import org.tradeflows.model.UnitValueBasis;
import org.tradeflows.sql.Sql;

/** The investigation statements keep to the shared rules and bind every value the caller gives. */
class InvestigationSqlTest {

    @Test
    void exposureAsksTheOneSanctionRuleAndNeverRestatesIt() {
        ShipmentScope scope = ShipmentScope.all().withCountries(List.of("MN"), List.of());
        for (Sql s : List.of(SanctionsExposureSql.totals(scope), SanctionsExposureSql.listings(scope, null, 21),
                SanctionsExposureSql.byAuthorityYear(scope, null, 21), SanctionsExposureSql.suppliers(scope, null, 21))) {
            assertThat(s.text()).contains("sanction_in_force(x.confirmed, x.listed_on, x.ended_on, s.period_start)")
                    .doesNotContain("x.listed_on <=").contains("not s.synthetic").contains("sy.kind = 'SYNTHETIC'");
        }
        assertThat(SanctionsExposureSql.totals(scope.withSynthetic(true)).text()).doesNotContain("not s.synthetic")
                .doesNotContain("SYNTHETIC");
    }

    @Test
    void userValuesAreBoundNeverWritten() {
        MirrorGapQuery mirror = new MirrorGapQuery("MN", "BT", List.of("85'--"), 2, PeriodKind.YEAR, 2022, 2023,
                new BigDecimal("-5"), new BigDecimal("15"));
        Sql m = MirrorGapSql.page(mirror, List.of("2022-01-01", "85", "1", "1"), 21);
        assertThat(m.text()).doesNotContain("85'--").doesNotContain("'MN'");
        assertThat(m.values()).contains("MN", "BT", List.of("85'--%"));
        TransitRouteQuery transit = new TransitRouteQuery("MN", "BT", List.of("NP"), List.of("85"), 2, 2021, 2023, 7L);
        Sql t = TransitRouteSql.page(transit, null, 21);
        assertThat(t.text()).doesNotContain("'NP'").contains("r.via = any(");
        assertThat(t.values()).contains(List.of("NP"), 7L, 2021, 2023);
        Sql u = UnitValueOutlierSql.page(ShipmentScope.all(), UnitValueBasis.PER_UNIT, new BigDecimal("3.5"), null, 21);
        assertThat(u.text()).contains("s.quantity > 0").contains("d.mad > 0").contains("0.6745");
    }

    @Test
    void supplyPathsAskTheOneSanctionRuleBindTheirValuesAndAreBounded() {
        SupplyPathQuery q = new SupplyPathQuery(SupplyPathQuery.End.country("LS"), SupplyPathQuery.End.anySanctioned(),
                List.of("85'--"), 4, null, null, 4, 90, false);
        for (String text : List.of(SupplyPathSql.page(q, List.of("100.00", "0001:LS"), 21).text(),
                SupplyPathSql.export(q).sql())) {
            assertThat(text).contains("sanction_in_force(x.confirmed, x.listed_on, x.ended_on, s.period_start)")
                    .contains("sanction_in_force(x.confirmed, x.listed_on, x.ended_on, pg.dates[k])")
                    .doesNotContain("listed_on <=").doesNotContain("85'--").doesNotContain("'LS'")
                    .contains("not s.synthetic").contains("sy.kind = 'SYNTHETIC'")
                    .contains("s.recipient_id <> all(p.companies)").contains("limit cast(? as int) + 1) g) n");
        }
        Sql page = SupplyPathSql.page(q, null, 21);
        assertThat(page.values()).contains("LS", List.of("85'--%"), SupplyPathSql.FAN_OUT, SupplyPathSql.MAX_CANDIDATES, 4, 90);
        assertThat(SupplyPathSql.page(new SupplyPathQuery(SupplyPathQuery.End.company(1), SupplyPathQuery.End.company(2),
                List.of(), 6, null, null, 2, 30, true), null, 21).text()).doesNotContain("not s.synthetic")
                .doesNotContain("SYNTHETIC").contains("s.hs6 = p.hs_key");
    }
}
