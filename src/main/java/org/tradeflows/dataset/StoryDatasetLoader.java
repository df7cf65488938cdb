package org.tradeflows.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceSpec;

/**
 * Loads the open story dataset ({@code dataset/}): the investigation's sources, companies, sanctions and
 * findings, and China's customs yearly totals, converted at the ECB rates that {@link EcbRatesLoader} loads first.
 * Every row keeps its own source. Upserts by natural key in one transaction, skipped when the same content was
 * already released.
 */
@ApplicationScoped
public class StoryDatasetLoader {

    private static final Logger LOG = Logger.getLogger(StoryDatasetLoader.class);
    private static final String STORY = "dataset/story.json";
    private static final String GAC = "dataset/china-russia-gac-annual-totals.csv";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public StoryDatasetLoader(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public boolean loadIfAbsent() {
        byte[] story = ResourceFiles.read(STORY);
        byte[] gac = ResourceFiles.read(GAC);
        String sha = ResourceFiles.sha256(story, gac);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ReleaseStore.lock(c, "STORY");
                if (ReleaseStore.find(c, "STORY", sha).isPresent()) {
                    c.rollback();
                    return false;
                }
                JsonNode root = json.readTree(story);
                String version = root.path("version").asText();
                Map<String, Long> sources = new HashMap<>();
                for (JsonNode s : root.path("sources")) {
                    sources.put(s.path("key").asText(), source(s).upsert(c));
                }
                long release = ReleaseStore.insert(c, "story-" + version + "-" + sha.substring(0, 12), version, "STORY", sha,
                        sources.get("seed-article"), root.path("changelog").asText());
                Map<String, Long> companies = loadCompanies(c, root.path("companies"), sources, release);
                int sanctions = loadSanctions(c, root.path("sanctions"), sources, companies);
                int volumes = loadStoryVolumes(c, root.path("tradeVolumes"), sources, release)
                        + loadGacTotals(c, ReferenceDataLoader.text(gac), release);
                int findings = loadFindings(c, root.path("findings"), sources, companies, release);
                ReleaseStore.recordCounts(c, release, String.format(Locale.ROOT,
                        "{\"sources\":%d,\"companies\":%d,\"sanctions\":%d,\"tradeVolumes\":%d,\"findings\":%d}",
                        sources.size(), companies.size(), sanctions, volumes, findings));
                c.commit();
                LOG.infof("Loaded story dataset %s: %d companies, %d sanctions, %d findings, %d trade volumes",
                        version, companies.size(), sanctions, findings, volumes);
                return true;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Loading the story dataset failed: " + e.getMessage(), e);
        }
    }

    private static SourceSpec source(JsonNode s) {
        return new SourceSpec(s.path("key").asText(), s.path("kind").asText(), s.path("title").asText(),
                text(s, "publisher"), text(s, "url"), date(s, "publishedOn"), text(s, "licence"),
                s.path("citation").asText(), text(s, "note"));
    }

    private Map<String, Long> loadCompanies(Connection c, JsonNode list, Map<String, Long> sources, long release)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into company (key, name, name_original, country_code, city, special_economic_zone, description,
                                     source_id, release_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (key) do update set name = excluded.name, name_original = excluded.name_original,
                    country_code = excluded.country_code, city = excluded.city,
                    special_economic_zone = excluded.special_economic_zone, description = excluded.description,
                    source_id = excluded.source_id
                returning id""");
                PreparedStatement alias = c.prepareStatement("""
                        insert into company_alias (company_id, alias, kind, source_id) values (?, ?, ?, ?)
                        on conflict (company_id, alias) do update set kind = excluded.kind, source_id = excluded.source_id""")) {
            for (JsonNode co : list) {
                ps.setString(1, co.path("key").asText());
                ps.setString(2, co.path("name").asText());
                ps.setString(3, text(co, "nameOriginal"));
                ps.setString(4, text(co, "country"));
                ps.setString(5, text(co, "city"));
                ps.setString(6, text(co, "specialEconomicZone"));
                ps.setString(7, text(co, "description"));
                ps.setLong(8, required(sources, co.path("source").asText()));
                ps.setLong(9, release);
                long id;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                ids.put(co.path("key").asText(), id);
                for (JsonNode a : co.path("aliases")) {
                    alias.setLong(1, id);
                    alias.setString(2, a.path("alias").asText());
                    alias.setString(3, a.path("kind").asText());
                    alias.setLong(4, required(sources, a.path("source").asText()));
                    alias.addBatch();
                }
            }
            alias.executeBatch();
        }
        return ids;
    }

    private int loadSanctions(Connection c, JsonNode list, Map<String, Long> sources, Map<String, Long> companies)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into sanction (company_id, authority, program, listed_on, confirmed, source_id, note)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (company_id, authority, coalesce(program, ''), coalesce(listed_on, date '0001-01-01'))
                do update set confirmed = excluded.confirmed, source_id = excluded.source_id, note = excluded.note""")) {
            int n = 0;
            for (JsonNode s : list) {
                ps.setLong(1, required(companies, s.path("company").asText()));
                ps.setString(2, s.path("authority").asText());
                ps.setString(3, text(s, "program"));
                ps.setObject(4, date(s, "listedOn"));
                ps.setBoolean(5, s.path("confirmed").asBoolean(true));
                ps.setLong(6, required(sources, s.path("source").asText()));
                ps.setString(7, text(s, "note"));
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
            return n;
        }
    }

    private static final String UPSERT_VOLUME = """
            insert into trade_volume (release_id, source_id, reporter, partner, flow, period_kind, period_start, period_end,
                                      value, currency, value_eur, value_usd, value_qualifier, note)
            values (?, ?, ?, ?, ?, 'YEAR', ?, ?, ?, ?, to_eur(?, ?, 'YEAR', ?), to_usd(?, ?, 'YEAR', ?), ?, ?)
            on conflict (source_id, reporter, partner, flow, period_start, period_end, coalesce(product_code, '*'), currency)
            do update set release_id = excluded.release_id, value = excluded.value, value_eur = excluded.value_eur,
                value_usd = excluded.value_usd, value_qualifier = excluded.value_qualifier, note = excluded.note""";

    private static void bindVolume(PreparedStatement ps, long release, long source, String reporter, String partner,
            String flow, int year, BigDecimal value, String currency, String qualifier, String note) throws SQLException {
        LocalDate start = LocalDate.of(year, 1, 1);
        ps.setLong(1, release);
        ps.setLong(2, source);
        ps.setString(3, reporter);
        ps.setString(4, partner);
        ps.setString(5, flow);
        ps.setObject(6, start);
        ps.setObject(7, LocalDate.of(year, 12, 31));
        ps.setBigDecimal(8, value);
        ps.setString(9, currency);
        for (int base : new int[] {10, 13}) {
            ps.setBigDecimal(base, value);
            ps.setString(base + 1, currency);
            ps.setObject(base + 2, start);
        }
        ps.setString(16, qualifier);
        ps.setString(17, note);
    }

    private int loadStoryVolumes(Connection c, JsonNode list, Map<String, Long> sources, long release) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_VOLUME)) {
            int n = 0;
            for (JsonNode v : list) {
                bindVolume(ps, release, required(sources, v.path("source").asText()), v.path("reporter").asText(),
                        v.path("partner").asText(), v.path("flow").asText(), v.path("year").asInt(),
                        new BigDecimal(v.path("value").asText()), v.path("currency").asText(),
                        v.path("qualifier").asText(), text(v, "note"));
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
            return n;
        }
    }

    /** China's customs totals: each row becomes its own source (the report it was quoted from). */
    private int loadGacTotals(Connection c, String csv, long release) throws SQLException, IOException {
        Map<String, Long> sourceByUrl = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(UPSERT_VOLUME)) {
            int n = 0;
            for (CSVRecord r : ReferenceDataLoader.csv(csv)) {
                int year = Integer.parseInt(r.get("year"));
                String url = r.get("source_url");
                String publisher = r.get("source_publisher");
                long sourceId = sourceByUrl.computeIfAbsent(url, u -> gacSource(c, year, publisher, u));
                BigDecimal scale = switch (r.get("unit")) {
                    case "billion" -> new BigDecimal("1000000000");
                    case "trillion" -> new BigDecimal("1000000000000");
                    case "million" -> new BigDecimal("1000000");
                    default -> throw new IllegalStateException("Unknown unit in " + GAC + ": " + r.get("unit"));
                };
                bindVolume(ps, release, sourceId, alpha2(c, r.get("reporter_iso3")), alpha2(c, r.get("partner_iso3")),
                        r.get("flow").toUpperCase(Locale.ROOT), year, new BigDecimal(r.get("value")).multiply(scale),
                        r.get("currency"), "EXACT", r.get("note"));
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
            return n;
        }
    }

    private static long gacSource(Connection c, int year, String publisher, String url) {
        String host = url.replaceFirst("^https?://(www\\.|au\\.|en\\.)?", "").replaceFirst("[/?].*$", "");
        String key = "gac-" + year + "-" + host.replaceAll("[^a-z0-9]+", "-");
        try {
            return new SourceSpec(key, "OFFICIAL_STATISTICS",
                    "China's customs (GAC) China–Russia trade figures for " + year + ", as quoted by " + publisher,
                    publisher, url, null, "Single statistical facts quoted from a news report; no dataset licence claimed",
                    "General Administration of Customs of China, China–Russia trade " + year + ", quoted by " + publisher
                            + ", " + url + ".",
                    null).upsert(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String alpha2(Connection c, String alpha3) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select code from country where alpha3 = ?")) {
            ps.setString(1, alpha3);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Unknown ISO alpha-3 code in " + GAC + ": " + alpha3);
                }
                return rs.getString(1);
            }
        }
    }

    private int loadFindings(Connection c, JsonNode list, Map<String, Long> sources, Map<String, Long> companies,
            long release) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into finding (key, kind, release_id, source_id, statement, quote, value, currency, value_qualifier,
                                     count, count_unit, count_qualifier, period_start, period_end, period_label,
                                     confirmed, through_intermediaries, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (key) do update set kind = excluded.kind, release_id = excluded.release_id,
                    source_id = excluded.source_id, statement = excluded.statement, quote = excluded.quote,
                    value = excluded.value, currency = excluded.currency, value_qualifier = excluded.value_qualifier,
                    count = excluded.count, count_unit = excluded.count_unit, count_qualifier = excluded.count_qualifier,
                    period_start = excluded.period_start, period_end = excluded.period_end,
                    period_label = excluded.period_label, confirmed = excluded.confirmed,
                    through_intermediaries = excluded.through_intermediaries, note = excluded.note,
                    part_of_id = null, same_claim_as_id = null
                returning id""")) {
            for (JsonNode f : list) {
                JsonNode period = f.path("period");
                ps.setString(1, f.path("key").asText());
                ps.setString(2, f.path("kind").asText());
                ps.setLong(3, release);
                ps.setLong(4, required(sources, f.path("source").asText()));
                ps.setString(5, f.path("statement").asText());
                ps.setString(6, text(f, "quote"));
                ps.setBigDecimal(7, f.hasNonNull("value") ? new BigDecimal(f.path("value").asText()) : null);
                ps.setString(8, text(f, "currency"));
                ps.setString(9, text(f, "qualifier"));
                if (f.hasNonNull("count")) {
                    ps.setInt(10, f.path("count").asInt());
                } else {
                    ps.setNull(10, Types.INTEGER);
                }
                ps.setString(11, text(f, "countUnit"));
                ps.setString(12, text(f, "countQualifier"));
                ps.setObject(13, date(period, "start"));
                ps.setObject(14, date(period, "end"));
                ps.setString(15, text(period, "label"));
                ps.setBoolean(16, f.path("confirmed").asBoolean(true));
                ps.setBoolean(17, f.path("throughIntermediaries").asBoolean(false));
                ps.setString(18, text(f, "note"));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ids.put(f.path("key").asText(), rs.getLong(1));
                }
            }
        }
        for (JsonNode f : list) {
            long id = ids.get(f.path("key").asText());
            linkFinding(c, id, "part_of_id", f.hasNonNull("partOf") ? required(ids, f.path("partOf").asText()) : null);
            linkFinding(c, id, "same_claim_as_id",
                    f.hasNonNull("sameClaimAs") ? required(ids, f.path("sameClaimAs").asText()) : null);
            replaceFindingChildren(c, id, f, companies);
        }
        return ids.size();
    }

    private static void linkFinding(Connection c, long id, String column, Long target) throws SQLException {
        if (target == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update finding set " + column + " = ? where id = ?")) {
            ps.setLong(1, target);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void replaceFindingChildren(Connection c, long id, JsonNode f, Map<String, Long> companies)
            throws SQLException {
        for (String table : new String[] {"finding_amount", "finding_company", "finding_country", "finding_product",
                "finding_goods"}) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where finding_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_amount (finding_id, currency, value, value_qualifier) values (?, ?, ?, ?)")) {
            for (JsonNode a : f.path("amounts")) {
                ps.setLong(1, id);
                ps.setString(2, a.path("currency").asText());
                ps.setBigDecimal(3, new BigDecimal(a.path("value").asText()));
                ps.setString(4, a.path("qualifier").asText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_company (finding_id, company_id, role) values (?, ?, ?)")) {
            for (JsonNode a : f.path("companies")) {
                ps.setLong(1, id);
                ps.setLong(2, required(companies, a.path("company").asText()));
                ps.setString(3, a.path("role").asText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_country (finding_id, country_code, role) values (?, ?, ?)")) {
            for (JsonNode a : f.path("countries")) {
                ps.setLong(1, id);
                ps.setString(2, a.path("code").asText());
                ps.setString(3, a.path("role").asText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_product (finding_id, product_code, goods_label) values (?, ?, ?)")) {
            for (JsonNode a : f.path("products")) {
                ps.setLong(1, id);
                ps.setString(2, a.path("code").asText());
                ps.setString(3, a.path("label").asText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_goods (finding_id, position, label) values (?, ?, ?)")) {
            int position = 1;
            for (JsonNode g : f.path("goods")) {
                ps.setLong(1, id);
                ps.setInt(2, position++);
                ps.setString(3, g.asText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static <K> long required(Map<K, Long> ids, K key) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("The story dataset refers to an unknown key: " + key);
        }
        return id;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
