package org.tradeflows.investigations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/**
 * supplyPaths against independent SQL over InvestigationData's path companies: the test finds the expected paths with
 * one plain join per path length (no recursion), writes the sanction rule out by hand, and checks each hop's figures
 * with its own aggregate, so a change to the search or to either rule shows here.
 */
@QuarkusTest
class SupplyPathsTest {

    @Inject
    Jdbc jdbc;

    @Inject
    AgroalDataSource dataSource;

    private final Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void data() {
        InvestigationData.load(jdbc);
        for (String k : List.of("a", "b", "c", "d", "e", "f", "j", "l", "s")) {
            ids.put(k, InvestigationData.companyId(jdbc, "test-path-" + k));
        }
        for (String k : List.of("a", "i1", "i2", "b", "c", "e")) {
            ids.put("via-" + k, InvestigationData.companyId(jdbc, "test-via-" + k));
        }
    }

    private long id(String key) {
        return ids.get(key);
    }

    private Map<String, Object> company(String key) {
        return Map.of("company", GlobalId.of("Company", id(key)));
    }

    /** A listing x of the company in {@code company} in force at {@code date}, written out without sanction_in_force. */
    static String listed(String company, String date) {
        return "exists (select 1 from sanction x where x.company_id = " + company + " and x.confirmed and x.listed_on is not null"
                + " and x.listed_on <= " + date + " and (x.ended_on is null or x.ended_on > " + date + ")"
                + " and (select kind from source where id = x.source_id) <> 'SYNTHETIC')";
    }

    /**
     * The expected paths as "value|company ids|dates" (each leg says whether its supplier and its recipient were
     * listed at its date: sup_listed, rec_listed), largest value first: for each length n, the chains of n - 1 legs
     * joined with one more hop, on the recipient of one being the supplier of the next, the same HS code, a date 1 to
     * window days later, or the same day for the next legs of the shipments of the hop before; the first leaving
     * {@code from}, the last reaching {@code to} and no earlier one reaching it; no company twice unless {@code loops};
     * {@code sameDay} lets any leg follow on the same day (only to show what the rule excludes).
     *
     * <p>The legs are each shipment's nodes in order — supplier, the intermediaries that are companies by position,
     * recipient — paired with the next node by a window function (the service uses one branch per kind of leg).
     */
    static List<String> expected(Jdbc jdbc, String from, java.util.function.Function<String, String> to, int maxHops, int window,
            String hs, boolean synthetic, boolean loops, boolean sameDay) {
        String legs = """
                with scope as (select s.* from shipment s where s.%1$s is not null and s.hs_code like '85%%' %2$s),
                node as (select s.id, 0 as pos, s.supplier_id as c, s.supplier_country as cc from scope s
                         union all
                         select i.shipment_id, i.position, i.company_id,
                                coalesce(i.country_code, (select country_code from company where id = i.company_id))
                           from shipment_intermediary i join scope s on s.id = i.shipment_id where i.company_id is not null
                         union all
                         select s.id, 2147483647, s.recipient_id, s.recipient_country from scope s),
                pair as (select n.id, n.c as sup, n.cc as sc, lead(n.c) over w as rec, lead(n.cc) over w as rc,
                                lead(n.pos) over w < 2147483647 as continues
                           from node n window w as (partition by n.id order by n.pos)),
                raw as (select p.id, p.sup, p.rec, p.sc, p.rc, p.continues, s.period_start as d, s.%1$s as hs, s.value_eur as v,
                               %3$s as sup_listed, %4$s as rec_listed
                          from pair p join scope s on s.id = p.id
                         where p.sup is not null and p.rec is not null and p.sup <> p.rec),
                leg as (select sup, rec, sc, rc, d, hs, sup_listed, rec_listed, sum(v) as v,
                               coalesce(array_agg(id) filter (where continues), '{}') as k
                          from raw group by 1, 2, 3, 4, 5, 6, 7, 8)
                """.formatted(hs, synthetic ? "" : "and not s.synthetic", listed("p.sup", "s.period_start"),
                listed("p.rec", "s.period_start"));
        // p1 .. pn: the chains of n legs from `from` that have not reached `to` before their last leg, one join a length
        StringBuilder steps = new StringBuilder(", p1 as materialized (select l1.sup as c0, l1.rec as c1, l1.d as d1, l1.hs, "
                + "l1.v as v1, l1.k as k1, (" + to.apply("l1") + ") as r1 from leg l1 where " + from.replace("$", "l1") + ")");
        List<String> unions = new ArrayList<>(List.of("select v1 as v, concat_ws('>', c0, c1) as companies, d1::text as dates "
                + "from p1 where r1"));
        for (int n = 2; n <= maxHops; n++) {
            String l = "l" + n;
            String previous = "p.c" + (n - 1);
            String day = "p.d" + (n - 1);
            String earlier = IntStream.range(0, n).mapToObj(k -> "p.c" + k).collect(Collectors.joining(", "));
            steps.append(", p").append(n).append(" as materialized (select p.*, ").append(l).append(".rec as c").append(n)
                    .append(", ").append(l).append(".d as d").append(n).append(", ").append(l).append(".v as v").append(n)
                    .append(", ").append(l).append(".k as k").append(n)
                    .append(", (").append(to.apply(l)).append(") as r").append(n).append(" from p").append(n - 1)
                    .append(" p cross join lateral (select r.rec, r.rc, r.d, r.rec_listed, sum(r.v) as v, coalesce(array_agg(r.id) ")
                    .append("filter (where r.continues), '{}') as k from raw r where r.sup = ").append(previous)
                    .append(" and r.hs = p.hs and ((r.d ").append(sameDay ? ">=" : ">").append(" ").append(day)
                    .append(" and r.d <= ").append(day).append(" + ").append(window).append(") or (r.d = ").append(day)
                    .append(" and r.id = any(p.k").append(n - 1).append("))) group by 1, 2, 3, 4) ").append(l)
                    .append(" where not p.r").append(n - 1)
                    .append(loops ? "" : " and " + l + ".rec not in (" + earlier + ")").append(")");
            int len = n;
            unions.add("select least(" + IntStream.rangeClosed(1, len).mapToObj(k -> "v" + k).collect(Collectors.joining(", "))
                    + ") as v, concat_ws('>', " + IntStream.rangeClosed(0, len).mapToObj(k -> "c" + k).collect(Collectors.joining(", "))
                    + ") as companies, concat_ws(',', " + IntStream.rangeClosed(1, len).mapToObj(k -> "d" + k)
                    .collect(Collectors.joining(", ")) + ") as dates from p" + len + " where r" + len);
        }
        return jdbc.list(legs + steps + " select v || '|' || companies || '|' || dates from (" + String.join(" union all ", unions)
                + ") p order by v desc, companies, dates", List.of(), rs -> rs.getString(1));
    }

    private List<String> expected(String from, java.util.function.Function<String, String> to, int maxHops, int window) {
        return expected(jdbc, from, to, maxHops, window, "hs4", false, false, false);
    }

    private Map<String, Object> filter(Map<String, Object> from, Map<String, Object> to, int maxHops, int window) {
        Map<String, Object> f = new HashMap<>();
        f.put("from", from);
        f.put("to", to);
        f.put("hsCodes", List.of("85"));
        f.put("maxHops", maxHops);
        f.put("windowDays", window);
        return f;
    }

    private JsonPath page(Map<String, Object> filter, int first, String after) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("filter", filter);
        vars.put("first", first);
        vars.put("after", after);
        return GraphQL.data(GraphQL.exampleQuery("supply-paths"), vars);
    }

    /** Every path of the answer, page after page of {@code first}, as "value|company ids|dates". */
    private List<String> all(Map<String, Object> filter, int first) {
        List<String> got = new ArrayList<>();
        String after = null;
        do {
            JsonPath r = page(filter, first, after);
            List<Map<String, Object>> nodes = r.getList("data.supplyPaths.edges.node");
            assertThat(nodes.size()).isLessThanOrEqualTo(first);
            nodes.forEach(n -> got.add(line(n)));
            after = r.getBoolean("data.supplyPaths.pageInfo.hasNextPage") ? r.getString("data.supplyPaths.pageInfo.endCursor") : null;
        } while (after != null);
        return got;
    }

    @SuppressWarnings("unchecked")
    private static String line(Map<String, Object> path) {
        List<Map<String, Object>> hops = (List<Map<String, Object>>) path.get("hops");
        String companies = GlobalId.dbId((String) ((Map<String, Object>) hops.get(0).get("supplier")).get("id")) + ">"
                + hops.stream().map(h -> String.valueOf(GlobalId.dbId((String) ((Map<String, Object>) h.get("recipient")).get("id"))))
                        .collect(Collectors.joining(">"));
        String dates = hops.stream().map(h -> (String) h.get("date")).collect(Collectors.joining(","));
        return new BigDecimal(String.valueOf(path.get("valueEur"))).setScale(2) + "|" + companies + "|" + dates;
    }

    private String path(String value, String companies, String dates) {
        return value + "|" + java.util.Arrays.stream(companies.split(">")).map(k -> String.valueOf(id(k)))
                .collect(Collectors.joining(">")) + "|" + dates;
    }

    @Test
    void pathsBetweenTwoCompaniesMatchIndependentSqlPageByPage() {
        String from = "$.sup = " + id("a");
        List<String> expected = expected(from, l -> l + ".rec = " + id("d"), 4, 90);
        assertThat(expected).containsExactly(
                path("900.00", "a>d", "2024-03-01"),
                path("500.00", "a>b>c>d", "2024-01-10,2024-02-01,2024-03-01"),
                path("300.00", "a>b>d", "2024-01-10,2024-04-09"));
        Map<String, Object> f = filter(company("a"), company("d"), 4, 90);
        assertThat(all(f, 2)).containsExactlyElementsOf(expected);
        assertThat(all(f, 1)).containsExactlyElementsOf(expected);
        JsonPath r = page(f, 20, null);
        assertThat(r.getInt("data.supplyPaths.search.pathCount")).isEqualTo(3);
        assertThat(r.getBoolean("data.supplyPaths.search.truncated")).isFalse();
        assertThat(r.getList("data.supplyPaths.edges.node.hopCount", Integer.class)).containsExactly(1, 3, 2);
    }

    @Test
    void aLoopBackIsCut() {
        // without the rule the path a > b > c > a > d (value 700) would lead; with it the loop closes nowhere
        String looped = path("700.00", "a>b>c>a>d", "2024-01-10,2024-02-01,2024-02-15,2024-03-01");
        assertThat(expected(jdbc, "$.sup = " + id("a"), l -> l + ".rec = " + id("d"), 4, 90, "hs4", false, true, false))
                .contains(looped);
        assertThat(all(filter(company("a"), company("d"), 4, 90), 20)).doesNotContain(looped)
                .noneMatch(p -> p.split("\\|")[1].split(">").length != java.util.Set.of(p.split("\\|")[1].split(">")).size());
    }

    @Test
    void twoShipmentsOnTheSameDayAreOneHopAndDoNotChain() {
        // b > e leaves b on the day a > b arrives: not later, so a > b > e > d is no path
        String sameDay = path("1000.00", "a>b>e>d", "2024-01-10,2024-01-10,2024-01-20");
        assertThat(expected(jdbc, "$.sup = " + id("a"), l -> l + ".rec = " + id("d"), 4, 90, "hs4", false, false, true))
                .contains(sameDay);
        List<Map<String, Object>> nodes = page(filter(company("a"), company("d"), 4, 90), 20, null)
                .getList("data.supplyPaths.edges.node");
        assertThat(nodes.stream().map(SupplyPathsTest::line).toList()).doesNotContain(sameDay);
        // the two shipments a > b of 2024-01-10 (600 EXACT and 400 ESTIMATED) make one hop of 1000, ESTIMATED
        Map<String, Object> firstHop = hops(nodes.get(1)).get(0);
        assertThat(firstHop.get("shipmentCount")).isEqualTo(2);
        assertThat(new BigDecimal(String.valueOf(firstHop.get("valueEur")))).isEqualByComparingTo("1000");
        assertThat(firstHop.get("valuePrecision")).isEqualTo("ESTIMATED");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hops(Map<String, Object> path) {
        return (List<Map<String, Object>>) path.get("hops");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyHopsFiguresAndSanctionsMatchIndependentSql() {
        Map<String, Object> f = filter(company("a"), Map.of("country", "MW"), 4, 90);
        List<String> expected = expected("$.sup = " + id("a"), l -> l + ".rc = 'MW'", 4, 90);
        assertThat(expected).hasSize(5);
        List<Map<String, Object>> nodes = page(f, 20, null).getList("data.supplyPaths.edges.node");
        assertThat(nodes.stream().map(SupplyPathsTest::line).toList()).containsExactlyElementsOf(expected);
        int checked = 0;
        for (Map<String, Object> n : nodes) {
            for (Map<String, Object> h : hops(n)) {
                long sup = GlobalId.dbId((String) ((Map<String, Object>) h.get("supplier")).get("id"));
                long rec = GlobalId.dbId((String) ((Map<String, Object>) h.get("recipient")).get("id"));
                String hop = "s.supplier_id = " + sup + " and s.recipient_id = " + rec + " and s.period_start = date '"
                        + h.get("date") + "' and s.hs4 = '" + h.get("hsCode") + "' and s.hs_code like '85%' and not s.synthetic";
                String figures = jdbc.one("""
                        select sum(value_eur) || '/' || count(*) || '/' || string_agg(id::text, ',' order by id) || '/'
                               || case when bool_or(value_qualifier = 'ESTIMATED') then 'ESTIMATED'
                                       when bool_or(value_qualifier = 'AT_LEAST') then 'AT_LEAST' else 'EXACT' end
                          from shipment s where""" + " " + hop, List.of(), rs -> rs.getString(1)).orElseThrow();
                List<Map<String, Object>> shipments = (List<Map<String, Object>>) h.get("shipments");
                assertThat(new BigDecimal(String.valueOf(h.get("valueEur"))).setScale(2) + "/" + h.get("shipmentCount") + "/"
                        + shipments.stream().map(s -> String.valueOf(GlobalId.dbId((String) s.get("id"))))
                                .collect(Collectors.joining(",")) + "/" + h.get("valuePrecision")).isEqualTo(figures);
                List<String> listings = jdbc.list("""
                        select x.authority || '/' || x.listed_on from sanction x
                         where x.company_id = ? and x.confirmed and x.listed_on is not null and x.listed_on <= cast(? as date)
                           and (x.ended_on is null or x.ended_on > cast(? as date))
                           and (select kind from source where id = x.source_id) <> 'SYNTHETIC'
                         order by x.id""", List.of(rec, h.get("date"), h.get("date")), rs -> rs.getString(1));
                assertThat(((List<Map<String, Object>>) h.get("recipientSanctions")).stream()
                        .map(x -> x.get("authority") + "/" + x.get("listedOn")).toList()).containsExactlyElementsOf(listings);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1 + 3 + 2 + 3 + 3);
        // the edge cases by name: s listed before c > s; l's listing ended before c > l; d's listing has no date
        Map<String, Object> toS = nodes.stream().filter(n -> line(n).contains(">" + id("s") + "|")).findFirst().orElseThrow();
        assertThat((List<Object>) hops(toS).get(2).get("recipientSanctions")).hasSize(1);
        Map<String, Object> toL = nodes.stream().filter(n -> line(n).contains(">" + id("l") + "|")).findFirst().orElseThrow();
        assertThat((List<Object>) hops(toL).get(2).get("recipientSanctions")).isEmpty();
        assertThat(nodes.stream().flatMap(n -> hops(n).stream())
                .filter(h -> ((Map<String, Object>) h.get("recipient")).get("id").equals(GlobalId.of("Company", id("d"))))
                .allMatch(h -> ((List<Object>) h.get("recipientSanctions")).isEmpty())).isTrue();
    }

    @Test
    void theEndsCanBeSanctionedCompanies() {
        // to any recipient listed at the hop's date: s only (l's listing had ended, d's has no date)
        List<String> toListed = expected("$.sup = " + id("a"), l -> l + ".rec_listed", 4, 90);
        assertThat(toListed).containsExactly(path("450.00", "a>b>c>s", "2024-01-10,2024-02-01,2024-03-10"));
        assertThat(all(filter(company("a"), Map.of("sanctioned", true), 4, 90), 20)).containsExactlyElementsOf(toListed);
        // from any supplier listed at the hop's date: b from 2024-01-15, so not b > e of 2024-01-10; c > a is no loop
        // on a path that starts at b
        List<String> fromListed = expected("$.sup_listed", l -> l + ".rec = " + id("d"), 4, 90);
        assertThat(fromListed).containsExactly(path("700.00", "b>c>a>d", "2024-02-01,2024-02-15,2024-03-01"),
                path("500.00", "b>c>d", "2024-02-01,2024-03-01"), path("350.00", "b>d", "2024-04-10"),
                path("300.00", "b>d", "2024-04-09"));
        assertThat(all(filter(Map.of("sanctioned", true), company("d"), 4, 90), 20)).containsExactlyElementsOf(fromListed);
    }

    private String via(String companies) {
        return java.util.Arrays.stream(companies.split(">")).map(k -> "via-" + k).collect(Collectors.joining(">"));
    }

    /**
     * A shipment's ordered intermediaries are hops of their own: A → I1 → I2 → B is the legs A → I1, I1 → I2, I2 → B,
     * each with the shipment's value and date; the legs of the shipments of one hop follow it on the same day, any other
     * shipment 1 to window days later. Two shipments A → I1 → I2 → B on the same day are one hop of two at every leg
     * (a country-only intermediary between I1 and I2 adds no leg); I1 → B that same day is not a leg of theirs, so it
     * does not follow A → I1; a loop back to I1 is cut; a path to a listed company stops at the listed intermediary.
     */
    @Test
    @SuppressWarnings("unchecked")
    void intermediariesAreHopsAsIndependentSqlFindsThem() {
        String a = "$.sup = " + id("via-a");
        List<String> toB = expected(a, l -> l + ".rec = " + id("via-b"), 4, 90);
        assertThat(toB).containsExactly(path("1500.00", via("a>i1>i2>b"), "2024-06-01,2024-06-01,2024-06-01"));
        assertThat(all(filter(company("via-a"), company("via-b"), 4, 90), 20)).containsExactlyElementsOf(toB);
        // I1 → B leaves I1 on the day A → I1 arrives but is not a leg of those shipments: with any same-day leg it would lead
        assertThat(expected(jdbc, a, l -> l + ".rec = " + id("via-b"), 4, 90, "hs4", false, false, true))
                .contains(path("1500.00", via("a>i1>b"), "2024-06-01,2024-06-01"));

        List<String> toC = expected(a, l -> l + ".rec = " + id("via-c"), 4, 90);
        assertThat(toC).containsExactly(path("800.00", via("a>i1>i2>b>c"), "2024-06-01,2024-06-01,2024-06-01,2024-06-20"));
        Map<String, Object> f = filter(company("via-a"), company("via-c"), 4, 90);
        List<Map<String, Object>> nodes = page(f, 20, null).getList("data.supplyPaths.edges.node");
        assertThat(nodes.stream().map(SupplyPathsTest::line).toList()).containsExactlyElementsOf(toC);
        // every hop's shipments, value and precision: the two shipments at each of the three legs, then B → C
        List<String> hopFigures = hops(nodes.get(0)).stream().map(h -> new BigDecimal(String.valueOf(h.get("valueEur"))).setScale(2)
                + "/" + h.get("shipmentCount") + "/" + ((List<Map<String, Object>>) h.get("shipments")).stream()
                        .map(x -> String.valueOf(GlobalId.dbId((String) x.get("id")))).collect(Collectors.joining(","))
                + "/" + h.get("valuePrecision")).toList();
        String both = jdbc.one("""
                select sum(value_eur) || '/' || count(*) || '/' || string_agg(id::text, ',' order by id) || '/ESTIMATED'
                  from shipment where source_record_ref in ('v-ab-1', 'v-ab-2-same-day')
                   and source_id = (select id from source where key = 'test-paths')""", List.of(), rs -> rs.getString(1)).orElseThrow();
        String onward = jdbc.one("""
                select value_eur || '/1/' || id || '/EXACT' from shipment where source_record_ref = 'v-bc-country-only'
                   and source_id = (select id from source where key = 'test-paths')""", List.of(), rs -> rs.getString(1)).orElseThrow();
        assertThat(hopFigures).containsExactly(both, both, both, onward);
        // an intermediary's hop arrives in its country (as declared on the shipment, else its company's)
        assertThat(hops(nodes.get(0)).stream().map(h -> (String) h.get("recipientCountry")).toList())
                .containsExactly("AO", "MZ", "ZW", "MG");

        // a loop back: B → I1 → E after I1 → I2 → B, cut on a path through I1; from B it is a path, and from I1 its last leg
        List<String> looped = expected(jdbc, "$.sup = " + id("via-i1"), l -> l + ".rec = " + id("via-e"), 4, 90, "hs4", false,
                true, false);
        assertThat(looped).contains(path("700.00", via("i1>i2>b>i1>e"), "2024-06-01,2024-06-01,2024-06-10,2024-06-10"));
        // from I1 only its own leg of that shipment, I1 → E, is a path
        List<String> fromI1 = expected("$.sup = " + id("via-i1"), l -> l + ".rec = " + id("via-e"), 4, 90);
        assertThat(fromI1).containsExactly(path("700.00", via("i1>e"), "2024-06-10"));
        assertThat(all(filter(company("via-i1"), company("via-e"), 4, 90), 20)).containsExactlyElementsOf(fromI1);
        List<String> fromB = expected("$.sup = " + id("via-b"), l -> l + ".rec = " + id("via-e"), 4, 90);
        assertThat(fromB).containsExactly(path("700.00", via("b>i1>e"), "2024-06-10,2024-06-10"));
        assertThat(all(filter(company("via-b"), company("via-e"), 4, 90), 20)).containsExactlyElementsOf(fromB);

        // to any company listed that day: the path stops at the listed intermediary I2
        List<String> toListed = expected(a, l -> l + ".rec_listed", 4, 90);
        assertThat(toListed).containsExactly(path("1500.00", via("a>i1>i2"), "2024-06-01,2024-06-01"));
        assertThat(all(filter(company("via-a"), Map.of("sanctioned", true), 4, 90), 20)).containsExactlyElementsOf(toListed);
    }

    @Test
    void theWindowEdgeIsIncluded() {
        for (int window : List.of(89, 90, 91)) {
            List<String> expected = expected("$.sup = " + id("a"), l -> l + ".rec = " + id("d"), 4, window);
            assertThat(all(filter(company("a"), company("d"), 4, window), 20)).as("window " + window)
                    .containsExactlyElementsOf(expected);
        }
        // b > d 90 days after a > b is in at 90, the one 91 days after only at 91
        assertThat(all(filter(company("a"), company("d"), 4, 90), 20))
                .contains(path("300.00", "a>b>d", "2024-01-10,2024-04-09"))
                .doesNotContain(path("350.00", "a>b>d", "2024-01-10,2024-04-10"));
        assertThat(all(filter(company("a"), company("d"), 4, 89), 20))
                .doesNotContain(path("300.00", "a>b>d", "2024-01-10,2024-04-09"));
        assertThat(all(filter(company("a"), company("d"), 4, 91), 20))
                .contains(path("350.00", "a>b>d", "2024-01-10,2024-04-10"));
    }

    @Test
    void theLevelAndSyntheticShipmentsAreAsAsked() {
        Map<String, Object> chapter = filter(company("a"), company("d"), 4, 90);
        chapter.put("level", "CHAPTER");
        List<String> expected = expected(jdbc, "$.sup = " + id("a"), l -> l + ".rec = " + id("d"), 4, 90, "hs2", false, false, false);
        assertThat(expected).contains(path("800.00", "a>b>c>d", "2024-01-10,2024-02-01,2024-03-02"));
        assertThat(all(chapter, 20)).containsExactlyElementsOf(expected);

        String viaSynthetic = path("1000.00", "a>b>d", "2024-01-10,2024-02-10");
        assertThat(all(filter(company("a"), company("d"), 4, 90), 20)).doesNotContain(viaSynthetic);
        Map<String, Object> synthetic = filter(company("a"), company("d"), 4, 90);
        synthetic.put("includeSynthetic", true);
        List<String> withSynthetic = expected(jdbc, "$.sup = " + id("a"), l -> l + ".rec = " + id("d"), 4, 90, "hs4", true, false, false);
        assertThat(withSynthetic.get(0)).isEqualTo(viaSynthetic);
        assertThat(all(synthetic, 20)).containsExactlyElementsOf(withSynthetic);
    }

    @Test
    void aSearchThatWouldExplodeIsCutAndSaysSo() {
        // f > 30 > 30 > 30 > j: 30 + 900 + 27,000 + 27,000 partial paths unbounded
        // answered with data, not TIMEOUT: within the statement timeout and the request's time budget, which the
        // server enforces (a wall clock here would measure the machine's load, not the search)
        JsonPath r = page(filter(company("f"), company("j"), 4, 90), 5, null);
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getBoolean("data.supplyPaths.search.fanOutCut")).isTrue();
        assertThat(r.getBoolean("data.supplyPaths.search.candidatesCut")).isTrue();
        assertThat(r.getBoolean("data.supplyPaths.search.truncated")).isTrue();
        assertThat(r.getInt("data.supplyPaths.search.explored")).isEqualTo(r.getInt("data.supplyPaths.search.maxCandidates"));
        assertThat(r.getList("data.supplyPaths.edges")).hasSize(5);

        // fan-out alone: 20 of f's 30 recipients, then 20 of each one's 30; j lies beyond 3 hops, so nothing is found
        JsonPath three = page(filter(company("f"), company("j"), 3, 90), 5, null);
        assertThat(three.getList("data.supplyPaths.edges")).isEmpty();
        assertThat(three.getBoolean("data.supplyPaths.search.fanOutCut")).isTrue();
        assertThat(three.getBoolean("data.supplyPaths.search.candidatesCut")).isFalse();
        assertThat(three.getInt("data.supplyPaths.search.explored")).isEqualTo(20 + 20 * 20);

        // the largest onward hops are the ones followed: f's 20 largest of its 30
        List<String> kept = all(filter(company("f"), Map.of("country", "ZM"), 1, 90), 100).stream()
                .map(p -> p.split("\\|")[0]).toList();
        assertThat(kept).containsExactlyElementsOf(jdbc.list("""
                select value_eur::text from shipment s where s.supplier_id = ? order by value_eur desc limit 20""",
                List.of(id("f")), rs -> rs.getString(1)));
        // a search within the bounds says it is whole
        assertThat(page(filter(company("a"), company("d"), 4, 90), 1, null).getBoolean("data.supplyPaths.search.truncated"))
                .isFalse();
    }

    @Test
    void badQuestionsAreAnsweredInUserWords() {
        Map<String, Object> tooLong = filter(company("a"), company("d"), 7, 90);
        JsonPath r = GraphQL.post(GraphQL.exampleQuery("supply-paths"), Map.of("filter", tooLong));
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(r.getString("errors[0].message")).contains("filter.maxHops").contains("1 to 4").doesNotContain("Exception");

        JsonPath unknown = GraphQL.post(GraphQL.exampleQuery("supply-paths"),
                Map.of("filter", filter(Map.of("company", GlobalId.of("Company", 987654321L)), company("d"), 3, 90)));
        assertThat(unknown.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(unknown.getString("errors[0].message")).contains("filter.from.company").contains("no company");

        JsonPath both = GraphQL.post(GraphQL.exampleQuery("supply-paths"),
                Map.of("filter", filter(Map.of("company", GlobalId.of("Company", id("a")), "country", "LS"), company("d"), 3, 90)));
        assertThat(both.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(both.getString("errors[0].message")).contains("filter.from").contains("exactly one");

        JsonPath window = GraphQL.post(GraphQL.exampleQuery("supply-paths"),
                Map.of("filter", filter(company("a"), company("d"), 3, 0)));
        assertThat(window.getString("errors[0].message")).contains("filter.windowDays");
    }

    @Test
    void theExportCarriesTheSameHops() throws Exception {
        String filter = "{\"from\":{\"company\":\"" + GlobalId.of("Company", id("a")) + "\"},\"to\":{\"country\":\"MW\"},"
                + "\"hsCodes\":[\"85\"],\"maxHops\":4,\"windowDays\":90}";
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(given().queryParam("filter", filter).when().get("/export/supply-paths.csv")
                        .then().statusCode(200).extract().asString())).getRecords();
        List<Map<String, Object>> nodes = page(filter(company("a"), Map.of("country", "MW"), 4, 90), 20, null)
                .getList("data.supplyPaths.edges.node");
        assertThat(rows).hasSize(nodes.stream().mapToInt(n -> hops(n).size()).sum());
        List<String> fromCsv = new ArrayList<>();
        for (CSVRecord row : rows) {
            if (row.get("hop").equals(row.get("hop_count"))) {
                fromCsv.add(row.get("path_rank") + "/" + new BigDecimal(row.get("path_value_eur")).setScale(2));
            }
            assertThat(row.get("search_truncated")).isEqualTo("false");
        }
        assertThat(fromCsv).containsExactlyElementsOf(IntStream.range(0, nodes.size())
                .mapToObj(i -> (i + 1) + "/" + new BigDecimal(String.valueOf(nodes.get(i).get("valueEur"))).setScale(2)).toList());
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.get("shipment_count"))).sum())
                .isEqualTo(nodes.stream().flatMap(n -> hops(n).stream()).mapToLong(h -> ((Number) h.get("shipmentCount")).longValue()).sum());
        for (String format : List.of("ndjson", "parquet", "arrow")) {
            given().queryParam("filter", filter).when().get("/export/supply-paths." + format).then().statusCode(200);
        }
        given().queryParam("filter", "{\"from\":{\"country\":\"XX\"},\"to\":{\"sanctioned\":true}}").when()
                .get("/export/supply-paths.csv").then().statusCode(400);
    }

    @Test
    void generatedChainsThroughTransitCountriesAreFoundOnlyWithSynthetic() {
        SyntheticData.load(dataSource, "pathchains", 7, 40, 300, 0.5);
        // a generated hop into a transit country and the hop after it, found by plain SQL
        List<Object> chain = jdbc.one("""
                select s1.supplier_id, s1.recipient_id, s2.recipient_id, s1.period_start::text, s2.period_start::text,
                       left(s1.hs_code, 6)
                  from shipment s1
                  join shipment s2 on s2.source_id = s1.source_id and s2.supplier_id = s1.recipient_id
                   and s2.hs_code = s1.hs_code and s2.period_start between s1.period_start + 1 and s1.period_start + 45
                   and s2.recipient_id <> s1.supplier_id
                 where s1.source_id = (select id from source where key = 'synthetic-pathchains')
                   and not exists (select 1 from shipment_intermediary i where i.shipment_id in (s1.id, s2.id)
                                   and i.company_id is not null) -- those go through their intermediaries
                   and s1.recipient_country in ('HK', 'AE', 'TR', 'KZ', 'AM', 'KG')
                 order by s1.id, s2.id limit 1""", List.of(), rs -> List.<Object>of(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6))).orElseThrow();
        Map<String, Object> f = filter(Map.of("company", GlobalId.of("Company", (Long) chain.get(0))),
                Map.of("company", GlobalId.of("Company", (Long) chain.get(2))), 3, 90);
        f.put("hsCodes", List.of(chain.get(5)));
        f.put("level", "SUBHEADING");
        JsonPath real = page(f, 20, null);
        assertThat(real.getInt("data.supplyPaths.search.pathCount")).as("synthetic rows stay out unless asked").isZero();
        f.put("includeSynthetic", true);
        String companies = chain.get(0) + ">" + chain.get(1) + ">" + chain.get(2);
        assertThat(all(f, 100)).anyMatch(p -> p.split("\\|")[1].equals(companies)
                && p.split("\\|")[2].equals(chain.get(3) + "," + chain.get(4)));
    }
}
