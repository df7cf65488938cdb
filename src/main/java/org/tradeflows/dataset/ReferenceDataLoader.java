package org.tradeflows.dataset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceSpec;

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
                long hsSource = HS.upsert(c);
                long countrySource = COUNTRIES.upsert(c);
                long chplSource = CHPL.upsert(c);
                long curationSource = CURATION.upsert(c);
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
        try (PreparedStatement ps = c.prepareStatement("""
                insert into country (code, alpha3, numeric_code, name, official_name, name_ru, name_zh, region, subregion)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set alpha3 = excluded.alpha3, numeric_code = excluded.numeric_code,
                    name = excluded.name, official_name = excluded.official_name, name_ru = excluded.name_ru,
                    name_zh = excluded.name_zh, region = excluded.region, subregion = excluded.subregion""")) {
            int n = 0;
            for (CSVRecord r : csv(text)) {
                String name = firstNonBlank(r.get("CLDR display name"), r.get("UNTERM English Short"), r.get("official_name_en"));
                ps.setString(1, r.get("ISO3166-1-Alpha-2"));
                ps.setString(2, r.get("ISO3166-1-Alpha-3"));
                ps.setInt(3, Integer.parseInt(r.get("ISO3166-1-numeric")));
                ps.setString(4, name);
                ps.setString(5, blankToNull(r.get("official_name_en")));
                ps.setString(6, blankToNull(r.get("official_name_ru")));
                ps.setString(7, blankToNull(r.get("official_name_cn")));
                ps.setString(8, blankToNull(r.get("Region Name")));
                ps.setString(9, blankToNull(r.get("Sub-region Name")));
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
            return n;
        }
    }

    private int loadSections(Connection c, String text) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into product_category (code, level, parent_code, section_code, description)
                values (?, 'SECTION', null, ?, ?)
                on conflict (code) do update set description = excluded.description""")) {
            int n = 0;
            for (CSVRecord r : csv(text)) {
                String code = r.get("section").toUpperCase(Locale.ROOT);
                String name = r.get("name");
                ps.setString(1, code);
                ps.setString(2, code);
                ps.setString(3, name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1));
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
            return n;
        }
    }

    /** Rows come parents first (chapter, heading, subheading), so one ordered batch satisfies the foreign keys. */
    private Map<String, Integer> loadHs(Connection c, String text) throws SQLException, IOException {
        int[] counts = new int[7];
        try (PreparedStatement ps = c.prepareStatement("""
                insert into product_category (code, level, parent_code, section_code, description)
                values (?, ?, ?, ?, ?)
                on conflict (code) do update set level = excluded.level, parent_code = excluded.parent_code,
                    section_code = excluded.section_code, description = excluded.description""")) {
            for (CSVRecord r : csv(text)) {
                String code = r.get("hscode");
                int level = Integer.parseInt(r.get("level"));
                if ("TOTAL".equals(code) || (level != 2 && level != 4 && level != 6)) {
                    continue;
                }
                String section = "TOTAL".equals(r.get("section")) ? null : r.get("section").toUpperCase(Locale.ROOT);
                ps.setString(1, code);
                ps.setString(2, level == 2 ? "CHAPTER" : level == 4 ? "HEADING" : "SUBHEADING");
                ps.setString(3, level == 2 ? section : r.get("parent"));
                ps.setString(4, section);
                ps.setString(5, r.get("description"));
                ps.addBatch();
                counts[level]++;
            }
            ps.executeBatch();
        }
        return Map.of("2", counts[2], "4", counts[4], "6", counts[6]);
    }

    private int loadChpl(Connection c, String text, long sourceId) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into chpl_entry (hs6, tier, tier_summary, list_version, source_id) values (?, ?, ?, ?, ?)
                on conflict (hs6) do update set tier = excluded.tier, tier_summary = excluded.tier_summary,
                    list_version = excluded.list_version, source_id = excluded.source_id""")) {
            int n = 0;
            for (CSVRecord r : csv(text)) {
                ps.setString(1, r.get("hs6"));
                ps.setString(2, chplTier(r.get("tier")));
                ps.setString(3, r.get("tier_summary"));
                ps.setObject(4, LocalDate.parse(r.get("list_version")));
                ps.setLong(5, sourceId);
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
            return n;
        }
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
