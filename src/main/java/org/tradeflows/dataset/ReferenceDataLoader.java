package org.tradeflows.dataset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.tradeflows.model.CountryRecord;
import org.tradeflows.model.ProductCategoryRecord;
import org.tradeflows.model.ProductLevel;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.ProductStore;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceSpec;
import org.tradeflows.store.SourceStore;

/**
 * Loads the reference data shipped in {@code reference/}: ISO countries, the HS 2022 tree, the CHPL tiers and
 * the curated "drone components" topic. Upserts by natural key inside one transaction; skipped when a release
 * with the same content fingerprint exists.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    static final String VERSION = "hs2022-chpl2024-02-23";
    private static final List<String> FILES = List.of("reference/country-codes.csv", "reference/sections.csv",
            "reference/harmonized-system.csv", "reference/chpl-2024-02-23.csv");

    static final SourceSpec HS = new SourceSpec("un-comtrade-hs2022", "REFERENCE",
            "Harmonized System 2022 nomenclature (UN Comtrade code list)", "United Nations Statistics Division",
            "https://datahub.io/core/harmonized-system", null, "ODC-PDDL-1.0",
            "UN Comtrade, HS 2022 classification, via datasets/harmonized-system (ODC-PDDL-1.0).",
            "Descriptions are Comtrade's short wording, not the WCO legal text.");
    static final SourceSpec COUNTRIES = new SourceSpec("iso-3166-country-codes", "REFERENCE",
            "ISO 3166-1 country codes with UN names", "datasets/country-codes",
            "https://datahub.io/core/country-codes", LocalDate.of(2023, 9, 25), "ODC-PDDL-1.0",
            "Country codes (ISO 3166-1) and UN names, datasets/country-codes, last modified 2023-09-25.", null);
    static final SourceSpec CHPL = new SourceSpec("bis-chpl-2024-02-23", "SANCTIONS_LIST",
            "Common High Priority List, version of 23 February 2024", "US Bureau of Industry and Security (with the EU, UK and Japan)",
            "https://www.bis.gov/licensing/country-guidance/common-high-priority-items-list-chpl",
            LocalDate.of(2024, 2, 23), "US Government work, not under copyright (17 U.S.C. 105)",
            "US BIS, EU, UK and Japan, Common High Priority List, version of 23 February 2024.",
            "Candidates for review only; the list does not decide export-control classification.");
    static final SourceSpec CURATION = new SourceSpec("tradeflows-topics", "RESEARCH_NOTES",
            "Tradeflows curated product topics", "Tradeflows", null, null, "CC0-1.0",
            "Tradeflows data team, curated product topics.",
            "The goods named in the China–Russia drone-supplies reporting, read as HS 2022 codes.");

    private final AgroalDataSource dataSource;

    public ReferenceDataLoader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return true when this call loaded the data, false when the same release was already there. */
    public boolean loadIfAbsent() {
        byte[][] files = FILES.stream().map(ResourceFiles::read).toArray(byte[][]::new);
        byte[] topics = DroneComponentsTopic.fingerprint().getBytes(StandardCharsets.UTF_8);
        String sha = ResourceFiles.sha256(concat(files, topics));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ReleaseStore.lock(c, "REFERENCE");
                if (ReleaseStore.find(c, "REFERENCE", sha).isPresent()) {
                    c.rollback();
                    return false;
                }
                long hsSource = SourceStore.upsert(c, HS);
                long countrySource = SourceStore.upsert(c, COUNTRIES);
                long chplSource = SourceStore.upsert(c, CHPL);
                long curationSource = SourceStore.upsert(c, CURATION);
                long release = ReleaseStore.insert(c, "reference-" + VERSION + "-" + sha.substring(0, 12), VERSION,
                        "REFERENCE", sha, hsSource, "ISO countries, HS 2022 tree, CHPL 2024-02-23 tiers, curated topics");
                int countries = loadCountries(c, text(files[0]));
                int sections = loadSections(c, text(files[1]));
                Map<String, Integer> hs = loadHs(c, text(files[2]));
                int chpl = loadChpl(c, text(files[3]), chplSource);
                int topicProducts = DroneComponentsTopic.upsert(c, curationSource);
                ReleaseStore.recordCounts(c, release, String.format(Locale.ROOT,
                        "{\"countries\":%d,\"sections\":%d,\"chapters\":%d,\"headings\":%d,\"subheadings\":%d,"
                                + "\"chplCodes\":%d,\"topicProducts\":%d}",
                        countries, sections, hs.get("2"), hs.get("4"), hs.get("6"), chpl, topicProducts));
                c.commit();
                LOG.infof("Loaded reference data %s: %d countries, %d sections, %s HS codes, %d CHPL codes (source ids %d, %d)",
                        VERSION, countries, sections, hs, chpl, countrySource, hsSource);
                return true;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Loading reference data failed: " + e.getMessage(), e);
        }
    }

    private static byte[] concat(byte[][] files, byte[] extra) {
        int size = extra.length;
        for (byte[] f : files) {
            size += f.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] f : files) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        System.arraycopy(extra, 0, all, at, extra.length);
        return all;
    }

    static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static Iterable<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                .parse(new StringReader(text));
    }

    private int loadCountries(Connection c, String text) throws SQLException, IOException {
        List<CountryRecord> countries = new ArrayList<>();
        for (CSVRecord r : csv(text)) {
            String name = firstNonBlank(r.get("CLDR display name"), r.get("UNTERM English Short"), r.get("official_name_en"));
            countries.add(new CountryRecord(r.get("ISO3166-1-Alpha-2"), r.get("ISO3166-1-Alpha-3"),
                    Integer.parseInt(r.get("ISO3166-1-numeric")), name, blankToNull(r.get("official_name_en")),
                    blankToNull(r.get("official_name_ru")), blankToNull(r.get("official_name_cn")),
                    blankToNull(r.get("Region Name")), blankToNull(r.get("Sub-region Name"))));
        }
        return CountryStore.upsertAll(c, countries);
    }

    private int loadSections(Connection c, String text) throws SQLException, IOException {
        List<ProductCategoryRecord> sections = new ArrayList<>();
        for (CSVRecord r : csv(text)) {
            String code = r.get("section").toUpperCase(Locale.ROOT);
            String name = r.get("name");
            sections.add(new ProductCategoryRecord(code, ProductLevel.SECTION,
                    name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1), null, code));
        }
        return ProductStore.upsertSections(c, sections);
    }

    /** Rows come parents first (chapter, heading, subheading), so one ordered batch satisfies the foreign keys. */
    private Map<String, Integer> loadHs(Connection c, String text) throws SQLException, IOException {
        int[] counts = new int[7];
        List<ProductCategoryRecord> categories = new ArrayList<>();
        for (CSVRecord r : csv(text)) {
            String code = r.get("hscode");
            int level = Integer.parseInt(r.get("level"));
            if ("TOTAL".equals(code) || (level != 2 && level != 4 && level != 6)) {
                continue;
            }
            String section = "TOTAL".equals(r.get("section")) ? null : r.get("section").toUpperCase(Locale.ROOT);
            categories.add(new ProductCategoryRecord(code,
                    level == 2 ? ProductLevel.CHAPTER : level == 4 ? ProductLevel.HEADING : ProductLevel.SUBHEADING,
                    r.get("description"), level == 2 ? section : r.get("parent"), section));
            counts[level]++;
        }
        ProductStore.upsertCategories(c, categories);
        return Map.of("2", counts[2], "4", counts[4], "6", counts[6]);
    }

    private int loadChpl(Connection c, String text, long sourceId) throws SQLException, IOException {
        List<ProductStore.ChplEntry> entries = new ArrayList<>();
        for (CSVRecord r : csv(text)) {
            entries.add(new ProductStore.ChplEntry(r.get("hs6"), chplTier(r.get("tier")), r.get("tier_summary"),
                    LocalDate.parse(r.get("list_version")), sourceId));
        }
        return ProductStore.upsertChplEntries(c, entries);
    }

    /** "Tier 3.A" becomes TIER_3A. */
    static String chplTier(String label) {
        String t = label.trim().toUpperCase(Locale.ROOT).replace("TIER", "").replace(".", "").trim();
        return "TIER_" + t;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new IllegalArgumentException("no name");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
