package org.tradeflows.investigations;

import java.util.List;
import org.tradeflows.store.Jdbc;

/**
 * The loaded data the investigation tests compare with independent SQL: companies in Mongolia (MN, which no other
 * test ships from) supplying Russian recipients under listings chosen for the edge cases of issue 17 — a listing that
 * ended before the shipment, an undated listing, an unconfirmed one, a listing from a synthetic source, a shipment on
 * the listing day, a zero quantity, a shipment without a EUR value, a synthetic shipment. Written once per database.
 */
final class InvestigationData {

    static final String SOURCE = "test-invest";
    static final String SYNTHETIC_SOURCE = "synthetic-test-invest";

    private InvestigationData() {
    }

    static synchronized void load(Jdbc jdbc) {
        if (jdbc.count("select count(*) from source where key = ?", List.of(SOURCE)) == 0) {
            loadShipments(jdbc);
        }
        if (jdbc.count("select count(*) from trade_volume where source_id = (select id from source where key = ?)",
                List.of(SOURCE)) == 0) {
            loadOfficialFigures(jdbc);
        }
        if (jdbc.count("select count(*) from shipment where source_record_ref like 'uv-%'", List.of()) == 0) {
            loadUnitValues(jdbc);
        }
        if (jdbc.count("select count(*) from company where key = 'test-path-a'", List.of()) == 0) {
            loadPaths(jdbc);
        }
        if (jdbc.count("select count(*) from company where key = 'test-via-a'", List.of()) == 0) {
            loadIntermediaries(jdbc);
        }
    }

    /**
     * Supply paths through the ordered intermediaries of shipments, in HS 8504 between companies of Namibia, Angola,
     * Mozambique, Zimbabwe and Madagascar (which no other test uses): two shipments A → I1 → I2 → B on the same day (the
     * second with a country-only intermediary between I1 and I2, which adds no leg), a shipment I1 → B that same day (not
     * a leg of them, so not chained), B → C 19 days later through a country only, and B → I1 → E nine days after A → B
     * (a loop back to I1 from a path through it). I2 is listed from 2024-01-01.
     */
    private static void loadIntermediaries(Jdbc jdbc) {
        jdbc.update("""
                do $$
                declare
                  src bigint; rel bigint;
                begin
                  select id into src from source where key = 'test-paths';
                  select id into rel from data_release where key = 'test-paths';
                  insert into company (key, name, country_code, source_id)
                  select 'test-via-' || k, 'Via ' || upper(k), c, src
                    from (values ('a', 'NA'), ('i1', 'AO'), ('i2', 'MZ'), ('b', 'ZW'), ('c', 'MG'), ('e', 'MG')) x(k, c);
                  insert into sanction (company_id, authority, program, listed_on, ended_on, confirmed, source_id) values
                      ((select id from company where key = 'test-via-i2'), 'EU', 'test', date '2024-01-01', null, true, src);
                  insert into shipment (release_id, synthetic, source_id, source_record_ref, supplier_id, recipient_id,
                      supplier_country, recipient_country, period_start, period_end, hs_code, product_code, value, currency,
                      value_eur, value_qualifier)
                  select rel, false, src, x.ref,
                         (select id from company where key = 'test-via-' || x.sup),
                         (select id from company where key = 'test-via-' || x.rec),
                         (select country_code from company where key = 'test-via-' || x.sup),
                         (select country_code from company where key = 'test-via-' || x.rec),
                         x.d, x.d, '8504400000', '850440', x.v, 'EUR', x.v, x.q
                    from (values
                      ('v-ab-1', 'a', 'b', date '2024-06-01', 1000.00, 'EXACT'),
                      ('v-ab-2-same-day', 'a', 'b', date '2024-06-01', 500.00, 'ESTIMATED'),
                      ('v-i1b-same-day', 'i1', 'b', date '2024-06-01', 5000.00, 'EXACT'),
                      ('v-bc-country-only', 'b', 'c', date '2024-06-20', 800.00, 'EXACT'),
                      ('v-be-loop', 'b', 'e', date '2024-06-10', 700.00, 'EXACT')
                    ) x(ref, sup, rec, d, v, q);
                  insert into shipment_intermediary (shipment_id, position, company_id, country_code)
                  select (select id from shipment where source_id = src and source_record_ref = x.ref),
                         x.pos, (select id from company where key = 'test-via-' || x.company), x.country
                    from (values
                      ('v-ab-1', 1, 'i1', null), ('v-ab-1', 2, 'i2', null),
                      ('v-ab-2-same-day', 1, 'i1', null), ('v-ab-2-same-day', 2, null, 'AE'), ('v-ab-2-same-day', 3, 'i2', null),
                      ('v-bc-country-only', 1, null, 'AE'),
                      ('v-be-loop', 1, 'i1', null)
                    ) x(ref, pos, company, country);
                end $$""", List.of());
    }

    /**
     * Supply paths in HS 8504 between companies of Lesotho, Eswatini, Botswana, Malawi and Zambia (which no other
     * test uses): A (LS) → B (SZ) → C (BW) → D (MW) and around it the edge cases of issue 17 — two shipments A → B on
     * the same day (one hop), an onward shipment B → E on that same day (not chained), C → A (a loop back, cut), B → D
     * exactly 90 and 91 days after A → B (the window edge), C → D in another heading (8501), a synthetic B → D; B
     * listed from 2024-01-15 (after A → B, before B → C), D listed without a date, L listed until 2024-01-01 (before
     * C → L), S listed from 2024-02-20 (before C → S). Apart from them, F (ZM) fans out to 30 companies, each of those
     * to 30 more and each of those to 30 more, all of which ship to J: a search that would explode.
     */
    private static void loadPaths(Jdbc jdbc) {
        jdbc.update("""
                do $$
                declare
                  src bigint; rel bigint; synsrc bigint; srel bigint;
                begin
                  insert into source (key, kind, title, citation) values ('test-paths', 'CUSTOMS_RECORDS',
                      'Supply path test records', 'Supply path test records') returning id into src;
                  insert into data_release (key, version, kind, synthetic, content_sha256, changelog)
                      values ('test-paths', '1', 'INGEST', false, repeat('3', 64), 'supply path test') returning id into rel;
                  select id into synsrc from source where key = 'synthetic-test-invest';
                  select id into srel from data_release where key = 'test-invest-synthetic';
                  insert into company (key, name, country_code, source_id)
                  select 'test-path-' || k, 'Path ' || upper(k), c, src
                    from (values ('a', 'LS'), ('b', 'SZ'), ('c', 'BW'), ('d', 'MW'), ('e', 'ZM'), ('l', 'MW'), ('s', 'MW'),
                                 ('f', 'ZM'), ('j', 'ZM')) x(k, c);
                  insert into company (key, name, country_code, source_id)
                  select 'test-path-' || layer || n, 'Path ' || upper(layer) || n, 'ZM', src
                    from unnest(array['g', 'h', 'i']) layer, generate_series(1, 30) n;
                  insert into sanction (company_id, authority, program, listed_on, ended_on, confirmed, source_id) values
                      ((select id from company where key = 'test-path-b'), 'EU', 'test', date '2024-01-15', null, true, src),
                      ((select id from company where key = 'test-path-d'), 'UK', 'test', null, null, true, src),
                      ((select id from company where key = 'test-path-l'), 'EU', 'test', date '2023-01-01', date '2024-01-01', true, src),
                      ((select id from company where key = 'test-path-s'), 'US_OFAC', 'test', date '2024-02-20', null, true, src);
                  insert into shipment (release_id, synthetic, source_id, source_record_ref, supplier_id, recipient_id,
                      supplier_country, recipient_country, period_start, period_end, hs_code, product_code, value, currency,
                      value_eur, value_qualifier)
                  select case when x.syn then srel else rel end, x.syn, case when x.syn then synsrc else src end, x.ref,
                         (select id from company where key = 'test-path-' || x.sup),
                         (select id from company where key = 'test-path-' || x.rec),
                         (select country_code from company where key = 'test-path-' || x.sup),
                         (select country_code from company where key = 'test-path-' || x.rec),
                         x.d, x.d, x.hs, left(x.hs, 6), x.v, 'EUR', x.v, x.q
                    from (values
                      ('p-ab-1', 'a', 'b', date '2024-01-10', 600.00, '8504401000', 'EXACT', false),
                      ('p-ab-2-same-day', 'a', 'b', date '2024-01-10', 400.00, '8504409000', 'ESTIMATED', false),
                      ('p-be-same-day', 'b', 'e', date '2024-01-10', 2500.00, '8504400000', 'EXACT', false),
                      ('p-ed', 'e', 'd', date '2024-01-20', 2500.00, '8504400000', 'EXACT', false),
                      ('p-bc', 'b', 'c', date '2024-02-01', 800.00, '8504400000', 'EXACT', false),
                      ('p-ca-loop', 'c', 'a', date '2024-02-15', 700.00, '8504400000', 'EXACT', false),
                      ('p-ad', 'a', 'd', date '2024-03-01', 900.00, '8504400000', 'AT_LEAST', false),
                      ('p-cd', 'c', 'd', date '2024-03-01', 500.00, '8504400000', 'EXACT', false),
                      ('p-cd-other-heading', 'c', 'd', date '2024-03-02', 2000.00, '8501100000', 'EXACT', false),
                      ('p-cl-delisted', 'c', 'l', date '2024-03-05', 400.00, '8504400000', 'EXACT', false),
                      ('p-cs-listed', 'c', 's', date '2024-03-10', 450.00, '8504400000', 'EXACT', false),
                      ('p-bd-day-90', 'b', 'd', date '2024-04-09', 300.00, '8504400000', 'EXACT', false),
                      ('p-bd-day-91', 'b', 'd', date '2024-04-10', 350.00, '8504400000', 'EXACT', false),
                      ('p-bd-synthetic', 'b', 'd', date '2024-02-10', 5000.00, '8504400000', 'EXACT', true)
                    ) x(ref, sup, rec, d, v, hs, q, syn);
                  insert into shipment (release_id, synthetic, source_id, source_record_ref, supplier_id, recipient_id,
                      supplier_country, recipient_country, period_start, period_end, hs_code, product_code, value, currency,
                      value_eur, value_qualifier)
                  select rel, false, src, 'p-fan-' || e.sup || '-' || e.rec, sc.id, rc.id, 'ZM', 'ZM', e.d, e.d, '8504400000',
                         '850440', e.v, 'EUR', e.v, 'EXACT'
                    from (select 'f' as sup, 'g' || n as rec, date '2024-05-01' as d, 100.00 + n as v from generate_series(1, 30) n
                          union all
                          select 'g' || a, 'h' || b, date '2024-05-02', 100.00 + b from generate_series(1, 30) a, generate_series(1, 30) b
                          union all
                          select 'h' || a, 'i' || b, date '2024-05-03', 100.00 + b from generate_series(1, 30) a, generate_series(1, 30) b
                          union all
                          select 'i' || n, 'j', date '2024-05-04', 100.00 from generate_series(1, 30) n) e
                    join company sc on sc.key = 'test-path-' || e.sup
                    join company rc on rc.key = 'test-path-' || e.rec;
                end $$""", List.of());
    }

    /**
     * Shipments of HS6 847130 from Mongolia to Bhutan, without resolved companies: in 2022 unit values near EUR 10/kg,
     * one at 200/kg and one at 0.5/kg (outliers), one with a zero weight and one with a zero quantity (left out,
     * never divided by); per unit, two quantity units that must not be compared with each other; in 2021 a single
     * shipment, whose MAD is 0.
     */
    private static void loadUnitValues(Jdbc jdbc) {
        jdbc.update("""
                insert into shipment (release_id, synthetic, source_id, source_record_ref, supplier_country, recipient_country,
                    period_start, period_end, hs_code, product_code, value, currency, value_eur, value_qualifier, quantity,
                    quantity_unit, net_weight_kg)
                select (select id from data_release where key = 'test-invest'), false, (select id from source where key = 'test-invest'),
                       x.ref, 'MN', 'BT', x.d, x.d, '847130', '847130', x.v, 'EUR', x.v, 'EXACT', x.q, x.u, x.kg
                  from (values
                    ('uv-1', date '2022-02-01', 1000.00, 100.0, 10.0, 'u'),
                    ('uv-2', date '2022-03-01', 1100.00, 100.0, 11.0, 'u'),
                    ('uv-3', date '2022-04-01', 900.00, 100.0, 9.0, 'u'),
                    ('uv-4', date '2022-05-01', 1000.00, 100.0, 10.0, 'u'),
                    ('uv-5', date '2022-06-01', 1200.00, 100.0, 10.0, 'u'),
                    ('uv-6', date '2022-07-01', 1050.00, 100.0, 10.0, 'u'),
                    ('uv-7-high', date '2022-08-01', 20000.00, 100.0, 1000.0, 'u'),
                    ('uv-8-low', date '2022-09-01', 50.00, 100.0, 10.0, 'u'),
                    ('uv-9-zero-weight', date '2022-10-01', 5000.00, 0.0, 10.0, 'u'),
                    ('uv-10-zero-quantity', date '2022-10-02', 5000.00, 10.0, 0.0, 'u'),
                    ('uv-11-other-unit', date '2022-11-01', 900.00, 90.0, 1.0, 'pairs'),
                    ('uv-12-alone', date '2021-06-01', 99999.00, 1.0, 1.0, 'u')
                  ) x(ref, d, v, kg, q, u)""", List.of());
    }

    /**
     * Official figures between Mongolia (MN) and Bhutan (BT), which no other test uses: per chapter and year a gap inside
     * the band, one outside, a side missing either way, an exporter's 0, a heading that a chapter comparison must
     * leave out, and the all-goods totals; and re-routing MN → Nepal/Bangladesh/India → BT between 2021 and 2023 (India
     * with one leg only, Laos a direct exporter to BT, chapter 84 as other goods).
     */
    private static void loadOfficialFigures(Jdbc jdbc) {
        jdbc.update("""
                insert into trade_volume (release_id, source_id, reporter, partner, flow, period_kind, period_start,
                    period_end, product_code, value, currency, value_eur, value_usd, value_qualifier)
                select (select id from data_release where key = 'test-invest'), (select id from source where key = 'test-invest'),
                       x.reporter, x.partner, x.flow, 'YEAR', make_date(x.y, 1, 1), make_date(x.y, 12, 31), x.code,
                       x.v, 'EUR', x.v, x.v * 1.1, 'EXACT'
                  from (values
                    ('MN', 'BT', 'EXPORT', 2022, '85', 1000.00), ('BT', 'MN', 'IMPORT', 2022, '85', 1080.00),
                    ('MN', 'BT', 'EXPORT', 2022, '84', 1000.00), ('BT', 'MN', 'IMPORT', 2022, '84', 1500.00),
                    ('MN', 'BT', 'EXPORT', 2022, '87', 500.00),
                    ('BT', 'MN', 'IMPORT', 2023, '85', 700.00),
                    ('MN', 'BT', 'EXPORT', 2023, '84', 0.00), ('BT', 'MN', 'IMPORT', 2023, '84', 100.00),
                    ('MN', 'BT', 'EXPORT', 2022, '8504', 300.00),
                    ('MN', 'BT', 'EXPORT', 2022, null, 5000.00), ('BT', 'MN', 'IMPORT', 2022, null, 5200.00),
                    ('MN', 'BT', 'EXPORT', 2021, '85', 900.00),
                    ('MN', 'NP', 'EXPORT', 2021, '85', 100.00), ('MN', 'NP', 'EXPORT', 2023, '85', 800.00),
                    ('NP', 'BT', 'EXPORT', 2021, '85', 50.00), ('NP', 'BT', 'EXPORT', 2023, '85', 700.00),
                    ('MN', 'BD', 'EXPORT', 2023, '85', 300.00),
                    ('BD', 'BT', 'EXPORT', 2021, '85', 200.00), ('BD', 'BT', 'EXPORT', 2023, '85', 250.00),
                    ('MN', 'IN', 'EXPORT', 2023, '85', 400.00),
                    ('LA', 'BT', 'EXPORT', 2021, '85', 1000.00), ('LA', 'BT', 'EXPORT', 2023, '85', 1000.00),
                    ('MN', 'NP', 'EXPORT', 2023, '84', 999.00)
                  ) x(reporter, partner, flow, y, code, v)""", List.of());
    }

    private static void loadShipments(Jdbc jdbc) {
        jdbc.update("""
                do $$
                declare
                  src bigint; synsrc bigint; rel bigint; srel bigint;
                  s1 bigint; s2 bigint; r1 bigint; r2 bigint; r3 bigint; r4 bigint; r5 bigint;
                begin
                  insert into source (key, kind, title, citation) values ('test-invest', 'CUSTOMS_RECORDS',
                      'Investigation test records', 'Investigation test records') returning id into src;
                  insert into source (key, kind, title, citation) values ('synthetic-test-invest', 'SYNTHETIC',
                      'Investigation test generator', 'Investigation test generator') returning id into synsrc;
                  insert into data_release (key, version, kind, synthetic, content_sha256, changelog)
                      values ('test-invest', '1', 'INGEST', false, repeat('1', 64), 'investigation test') returning id into rel;
                  -- labelled as the generator labels its releases: by a source whose key starts with synthetic-
                  insert into data_release (key, version, kind, synthetic, content_sha256, changelog, source_id)
                      values ('test-invest-synthetic', '1', 'SYNTHETIC', true, repeat('2', 64), 'investigation test', synsrc)
                      returning id into srel;
                  insert into company (key, name, country_code, source_id) values ('test-invest-s1', 'Invest Supplier One', 'MN', src) returning id into s1;
                  insert into company (key, name, country_code, source_id) values ('test-invest-s2', 'Invest Supplier Two', 'MN', src) returning id into s2;
                  insert into company (key, name, country_code, source_id) values ('test-invest-r1', 'Invest Recipient Listed Twice', 'RU', src) returning id into r1;
                  insert into company (key, name, country_code, source_id) values ('test-invest-r2', 'Invest Recipient Delisted', 'RU', src) returning id into r2;
                  insert into company (key, name, country_code, source_id) values ('test-invest-r3', 'Invest Recipient Undated', 'RU', src) returning id into r3;
                  insert into company (key, name, country_code, source_id) values ('test-invest-r4', 'Invest Recipient Unconfirmed', 'RU', src) returning id into r4;
                  insert into company (key, name, country_code, source_id) values ('test-invest-r5', 'Invest Recipient Synthetic Listing', 'RU', src) returning id into r5;
                  insert into sanction (company_id, authority, program, listed_on, ended_on, confirmed, source_id) values
                      (r1, 'EU', 'test', date '2023-03-01', null, true, src),
                      (r1, 'US_OFAC', 'test', date '2023-06-01', null, true, src),
                      (r2, 'EU', 'test', date '2022-01-01', date '2023-01-01', true, src),
                      (r3, 'UK', 'test', null, null, true, src),
                      (r4, 'EU', 'test', date '2023-01-01', null, false, src),
                      (r5, 'EU', 'test', date '2022-01-01', null, true, synsrc);
                  insert into shipment (release_id, synthetic, source_id, source_record_ref, supplier_id, recipient_id,
                      supplier_country, recipient_country, period_start, period_end, hs_code, product_code, value, currency,
                      value_eur, value_qualifier, quantity, quantity_unit, net_weight_kg)
                  select case when x.syn then srel else rel end, x.syn, case when x.syn then synsrc else src end, x.ref,
                         x.sup, x.rec, 'MN', 'RU', x.d, x.d, x.hs, left(x.hs, 6), x.v, 'EUR',
                         case when x.no_eur then null else x.v end, 'EXACT', x.q, 'kg', x.q
                    from (values
                      ('a-before-listing', s1, r1, date '2023-02-15', 100.00, false, false, '850440', 10.0),
                      ('b-listing-day-zero-qty', s1, r1, date '2023-03-01', 200.00, false, false, '850440', 0.0),
                      ('c-two-authorities', s1, r1, date '2023-07-01', 300.00, false, false, '850440', 30.0),
                      ('d-before-delisting', s1, r2, date '2022-06-01', 500.00, false, false, '850440', 50.0),
                      ('e-after-delisting', s1, r2, date '2023-05-01', 700.00, false, false, '850440', 70.0),
                      ('f-undated-listing', s1, r3, date '2023-05-01', 900.00, false, false, '850440', 90.0),
                      ('g-unconfirmed', s1, r4, date '2023-05-01', 1100.00, false, false, '850440', 110.0),
                      ('h-synthetic-listing', s1, r5, date '2023-05-01', 1300.00, false, false, '850440', 130.0),
                      ('i-synthetic-shipment', s1, r1, date '2023-08-01', 1500.00, true, false, '850440', 150.0),
                      ('j-no-eur', s1, r1, date '2024-01-10', 1700.00, false, true, '850440', 170.0),
                      ('k-second-supplier', s2, r1, date '2023-04-01', 400.00, false, false, '850440', 40.0),
                      ('l-second-supplier-same-day', s2, r1, date '2023-04-01', 450.00, false, false, '850440', 45.0)
                    ) x(ref, sup, rec, d, v, syn, no_eur, hs, q);
                end $$""", List.of());
    }

    static long companyId(Jdbc jdbc, String key) {
        return jdbc.one("select id from company where key = ?", List.of(key), rs -> rs.getLong(1)).orElseThrow();
    }
}
