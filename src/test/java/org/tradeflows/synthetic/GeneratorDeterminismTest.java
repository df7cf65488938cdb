package org.tradeflows.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.SyntheticData;

/**
 * The README's promise that the generator is deterministic: the same seed writes the same shipments (companies,
 * countries, dates, products, values, currencies, quantities, intermediaries), whatever the set is called and
 * whatever ids the database hands out; another seed writes other shipments. Compared by a digest of every generated
 * row read back from PostgreSQL, with the set's own name taken out of the company keys.
 */
@QuarkusTest
class GeneratorDeterminismTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Jdbc jdbc;

    /** The digest of a set's shipments, each with its companies named by their index in the set. */
    private String digest(String name) {
        return jdbc.one("""
                with rows as (
                  select concat_ws('|', split_part(sup.key, '-', 3), split_part(rec.key, '-', 3), s.supplier_country,
                           s.recipient_country, s.period_start, s.period_end, s.hs_code, s.product_code, s.value,
                           s.currency, s.value_eur, s.value_usd, s.value_qualifier, s.quantity, s.quantity_unit,
                           s.net_weight_kg,
                           (select string_agg(split_part(c.key, '-', 3) || '@' || i.country_code, ',' order by i.position)
                              from shipment_intermediary i join company c on c.id = i.company_id
                             where i.shipment_id = s.id)) as line
                    from shipment s
                    join source src on src.id = s.source_id
                    join company sup on sup.id = s.supplier_id
                    join company rec on rec.id = s.recipient_id
                   where src.key = ? and s.synthetic)
                select count(*) || ':' || md5(coalesce(string_agg(line, E'\\n' order by line), '')) from rows""",
                List.of("synthetic-" + name), rs -> rs.getString(1)).orElseThrow();
    }

    private String companies(String name) {
        return jdbc.one("""
                select md5(coalesce(string_agg(split_part(key, '-', 3) || '|' || replace(name, ?, '') || '|'
                       || country_code, E'\\n' order by key), ''))
                  from company where key like ?""", List.of(name, "syn-" + name + "-%"), rs -> rs.getString(1)).orElseThrow();
    }

    @Test
    void theSameSeedWritesTheSameRowsAndAnotherSeedOthers() {
        SyntheticData.load(dataSource, "seedsamea", 42, 30, 400);
        SyntheticData.load(dataSource, "seedsameb", 42, 30, 400);
        SyntheticData.load(dataSource, "seedother", 43, 30, 400);

        String a = digest("seedsamea");
        assertThat(a).as("every shipment was written").startsWith("400:");
        assertThat(digest("seedsameb")).as("same seed, same rows").isEqualTo(a);
        assertThat(companies("seedsameb")).isEqualTo(companies("seedsamea"));
        assertThat(digest("seedother")).as("another seed, other rows").startsWith("400:").isNotEqualTo(a);
    }

    /** Shipments of the set whose recipient, in a transit country, sends the same goods on 1 to 45 days later. */
    private long chainedHops(String name) {
        return jdbc.count("""
                select count(*) from shipment s1
                  join shipment s2 on s2.source_id = s1.source_id and s2.supplier_id = s1.recipient_id
                   and s2.hs_code = s1.hs_code and s2.period_start between s1.period_start + 1 and s1.period_start + 45
                 where s1.source_id = (select id from source where key = ?)
                   and s1.recipient_country in ('HK', 'AE', 'TR', 'KZ', 'AM', 'KG')""", List.of("synthetic-" + name));
    }

    @Test
    void chainsThroughTransitCountriesAreDeterministicAndOnlyWhereAsked() {
        SyntheticData.load(dataSource, "chainsa", 42, 30, 400, 0.3);
        SyntheticData.load(dataSource, "chainsb", 42, 30, 400, 0.3);
        SyntheticData.load(dataSource, "seedsamea", 42, 30, 400);

        String a = digest("chainsa");
        assertThat(a).as("chains count among the shipments asked for").startsWith("400:");
        assertThat(digest("chainsb")).as("same seed, same chains").isEqualTo(a);
        assertThat(a).isNotEqualTo(digest("seedsamea"));
        assertThat(chainedHops("chainsa")).isGreaterThan(10);
        assertThat(chainedHops("seedsamea")).as("no chains unless asked: the rows every seed gave before").isZero();
        assertThat(jdbc.count("""
                select count(*) from shipment s join data_release r on r.id = s.release_id
                 where s.source_id = (select id from source where key = 'synthetic-chainsa')
                   and (not s.synthetic or not r.synthetic)""", List.of())).as("every chain hop is labelled synthetic").isZero();
    }
}
