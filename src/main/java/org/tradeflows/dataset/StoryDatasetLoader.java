package org.tradeflows.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.tradeflows.store.CompanyBulkWriter;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.FindingStore;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SanctionStore;
import org.tradeflows.store.SourceSpec;
import org.tradeflows.store.SourceStore;
import org.tradeflows.store.TradeVolumeStore;

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
                    sources.put(s.path("key").asText(), SourceStore.upsert(c, source(s)));
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
        List<CompanyBulkWriter.KeyedCompany> companies = new ArrayList<>();
        for (JsonNode co : list) {
            List<CompanyBulkWriter.KeyedAlias> aliases = new ArrayList<>();
            for (JsonNode a : co.path("aliases")) {
                aliases.add(new CompanyBulkWriter.KeyedAlias(a.path("alias").asText(), a.path("kind").asText(),
                        required(sources, a.path("source").asText())));
            }
            companies.add(new CompanyBulkWriter.KeyedCompany(co.path("key").asText(), co.path("name").asText(),
                    text(co, "nameOriginal"), text(co, "country"), text(co, "city"), text(co, "specialEconomicZone"),
                    text(co, "description"), required(sources, co.path("source").asText()), aliases));
        }
        return CompanyBulkWriter.upsertByKey(c, companies, release);
    }

    private int loadSanctions(Connection c, JsonNode list, Map<String, Long> sources, Map<String, Long> companies)
            throws SQLException {
        List<SanctionStore.Listing> listings = new ArrayList<>();
        for (JsonNode s : list) {
            listings.add(new SanctionStore.Listing(required(companies, s.path("company").asText()),
                    s.path("authority").asText(), text(s, "program"), date(s, "listedOn"), null,
                    s.path("confirmed").asBoolean(true), required(sources, s.path("source").asText()), text(s, "note")));
        }
        return SanctionStore.upsertReplacingDetails(c, listings);
    }

    private int loadStoryVolumes(Connection c, JsonNode list, Map<String, Long> sources, long release) throws SQLException {
        List<TradeVolumeStore.YearTotal> totals = new ArrayList<>();
        for (JsonNode v : list) {
            totals.add(new TradeVolumeStore.YearTotal(release, required(sources, v.path("source").asText()),
                    v.path("reporter").asText(), v.path("partner").asText(), v.path("flow").asText(),
                    v.path("year").asInt(), new BigDecimal(v.path("value").asText()), v.path("currency").asText(),
                    v.path("qualifier").asText(), text(v, "note")));
        }
        return TradeVolumeStore.upsertYearTotals(c, totals);
    }

    /** China's customs totals: each row becomes its own source (the report it was quoted from). */
    private int loadGacTotals(Connection c, String csv, long release) throws SQLException, IOException {
        Map<String, Long> sourceByUrl = new HashMap<>();
        List<TradeVolumeStore.YearTotal> totals = new ArrayList<>();
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
            totals.add(new TradeVolumeStore.YearTotal(release, sourceId, alpha2(c, r.get("reporter_iso3")),
                    alpha2(c, r.get("partner_iso3")), r.get("flow").toUpperCase(Locale.ROOT), year,
                    new BigDecimal(r.get("value")).multiply(scale), r.get("currency"), "EXACT", r.get("note")));
        }
        return TradeVolumeStore.upsertYearTotals(c, totals);
    }

    private static long gacSource(Connection c, int year, String publisher, String url) {
        String host = url.replaceFirst("^https?://(www\\.|au\\.|en\\.)?", "").replaceFirst("[/?].*$", "");
        String key = "gac-" + year + "-" + host.replaceAll("[^a-z0-9]+", "-");
        try {
            return SourceStore.upsert(c, new SourceSpec(key, "OFFICIAL_STATISTICS",
                    "China's customs (GAC) China–Russia trade figures for " + year + ", as quoted by " + publisher,
                    publisher, url, null, "Single statistical facts quoted from a news report; no dataset licence claimed",
                    "General Administration of Customs of China, China–Russia trade " + year + ", quoted by " + publisher
                            + ", " + url + ".",
                    null));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String alpha2(Connection c, String alpha3) throws SQLException {
        return CountryStore.alpha2(c, alpha3)
                .orElseThrow(() -> new IllegalStateException("Unknown ISO alpha-3 code in " + GAC + ": " + alpha3));
    }

    private int loadFindings(Connection c, JsonNode list, Map<String, Long> sources, Map<String, Long> companies,
            long release) throws SQLException {
        List<FindingStore.KeyedFinding> findings = new ArrayList<>();
        for (JsonNode f : list) {
            JsonNode period = f.path("period");
            findings.add(new FindingStore.KeyedFinding(f.path("key").asText(), f.path("kind").asText(), release,
                    required(sources, f.path("source").asText()), f.path("statement").asText(), text(f, "quote"),
                    f.hasNonNull("value") ? new BigDecimal(f.path("value").asText()) : null, text(f, "currency"),
                    text(f, "qualifier"), f.hasNonNull("count") ? f.path("count").asInt() : null, text(f, "countUnit"),
                    text(f, "countQualifier"), date(period, "start"), date(period, "end"), text(period, "label"),
                    f.path("confirmed").asBoolean(true), f.path("throughIntermediaries").asBoolean(false),
                    text(f, "note")));
        }
        Map<String, Long> ids = FindingStore.upsertByKey(c, findings);
        for (JsonNode f : list) {
            long id = ids.get(f.path("key").asText());
            FindingStore.link(c, id, f.hasNonNull("partOf") ? required(ids, f.path("partOf").asText()) : null,
                    f.hasNonNull("sameClaimAs") ? required(ids, f.path("sameClaimAs").asText()) : null);
            FindingStore.replaceParts(c, id, parts(f, companies));
        }
        return ids.size();
    }

    private static FindingStore.Parts parts(JsonNode f, Map<String, Long> companies) {
        List<FindingStore.Amount> amounts = new ArrayList<>();
        for (JsonNode a : f.path("amounts")) {
            amounts.add(new FindingStore.Amount(a.path("currency").asText(), new BigDecimal(a.path("value").asText()),
                    a.path("qualifier").asText()));
        }
        List<FindingStore.CompanyPart> parties = new ArrayList<>();
        for (JsonNode a : f.path("companies")) {
            parties.add(new FindingStore.CompanyPart(required(companies, a.path("company").asText()),
                    a.path("role").asText()));
        }
        List<FindingStore.CountryPart> countries = new ArrayList<>();
        for (JsonNode a : f.path("countries")) {
            countries.add(new FindingStore.CountryPart(a.path("code").asText(), a.path("role").asText()));
        }
        List<FindingStore.ProductPart> products = new ArrayList<>();
        for (JsonNode a : f.path("products")) {
            products.add(new FindingStore.ProductPart(a.path("code").asText(), a.path("label").asText()));
        }
        List<String> goods = new ArrayList<>();
        for (JsonNode g : f.path("goods")) {
            goods.add(g.asText());
        }
        return new FindingStore.Parts(amounts, parties, countries, products, goods);
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
