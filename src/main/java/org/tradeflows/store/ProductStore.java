package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.containsPattern;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tradeflows.model.ChplTier;
import org.tradeflows.model.ProductCategoryRecord;
import org.tradeflows.model.ProductLevel;
import org.tradeflows.model.TopicProductRecord;
import org.tradeflows.model.TopicRecord;
import org.tradeflows.query.ProductCategoryCriteria;
import org.tradeflows.sql.Sql;

/** Every SQL statement that reads the HS tree, CHPL tiers and topics, and writes the tree and tiers. Codes sort bytewise (digits, then sections). */
@ApplicationScoped
public class ProductStore {

    private static final String COLUMNS = "p.code, p.level, p.parent_code, p.section_code, p.description";

    private final Jdbc jdbc;

    /** The HS6 subheadings under the given chapters, headings or subheadings, in code order (for a fetch's request). */
    public static List<String> subheadingsUnder(Connection c, Collection<String> prefixes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select code from product_category
                where level = 'SUBHEADING' and left(code, 2) = any(?) or (level = 'SUBHEADING' and left(code, 4) = any(?))
                   or (level = 'SUBHEADING' and code = any(?))
                order by code""")) {
            String[] p = prefixes.toArray(String[]::new);
            for (int i = 1; i <= 3; i++) {
                ps.setArray(i, c.createArrayOf("text", p));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    public ProductStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProductCategoryRecord> byCodes(Collection<String> codes) {
        return jdbc.list("select " + COLUMNS + " from product_category p where p.code = any(?)", List.of(codes),
                ProductStore::map);
    }

    public List<ProductCategoryRecord> childrenOf(Collection<String> parentCodes) {
        return jdbc.list("select " + COLUMNS + " from product_category p where p.parent_code = any(?) "
                + "order by p.code collate \"C\"", List.of(parentCodes), ProductStore::map);
    }

    public Map<String, ChplTier> chplTiers(Collection<String> codes) {
        return jdbc.list("select hs6, tier from chpl_entry where hs6 = any(?)", List.of(codes),
                rs -> Map.entry(rs.getString(1), ChplTier.valueOf(rs.getString(2))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** HS6 codes on the CHPL at or under each category (a section, chapter, heading or the HS6 itself). */
    public List<Map.Entry<String, ProductCategoryRecord>> chplListedUnder(Collection<String> codes) {
        return jdbc.list("select q.code as under, " + COLUMNS + " from unnest(?::text[]) q(code) "
                + "join product_category p on p.code like q.code || '%' or p.section_code = q.code "
                + "join chpl_entry e on e.hs6 = p.code order by p.code", List.of(codes),
                rs -> Map.entry(rs.getString("under"), map(rs)));
    }

    public List<ProductCategoryRecord> page(ProductCategoryCriteria filter, String afterCode, int limit) {
        Sql where = and(where(filter), ifGiven(afterCode, code -> sql("p.code collate \"C\" > {}", value(code))));
        return jdbc.list(sql("select " + COLUMNS + " from product_category p where {} order by p.code collate \"C\" limit {}",
                where, value(limit)), ProductStore::map);
    }

    public long count(ProductCategoryCriteria filter) {
        return jdbc.count(sql("select count(*) from product_category p where {}", where(filter)));
    }

    private static Sql where(ProductCategoryCriteria f) {
        if (f == null) {
            return Sql.TRUE;
        }
        return and(
                ifGiven(f.codePrefix(), c -> sql("p.level <> 'SECTION' and p.code like {}",
                        value((c.length() > 6 ? c.substring(0, 6) : c) + "%"))),
                ifGiven(f.search(), text -> sql("to_tsvector('english', p.description) @@ plainto_tsquery('english', {}) "
                        + "or p.description ilike {}", value(text), containsPattern(text.trim()))),
                ifGiven(f.levels(), l -> sql("p.level = any({})", value(names(l)))),
                ifGiven(f.chplTiers(), t -> sql("exists (select 1 from chpl_entry e where e.hs6 = p.code and e.tier = any({}))",
                        value(names(t)))),
                ifGiven(f.topic(), t -> sql("exists (select 1 from topic_product tp join topic t on t.id = tp.topic_id "
                        + "where tp.product_code = p.code and t.key = {})", value(t))),
                ifGiven(f.parentCode(), c -> sql("p.parent_code = {}", value(c))));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }

    public List<TopicRecord> topics(String key) {
        return jdbc.list(sql("select id, key, name, description, source_id from topic where {} order by key",
                and(ifGiven(key, k -> sql("key = {}", value(k))))), ProductStore::mapTopic);
    }

    /** Every topic key, for suggesting the nearest one to a key that does not exist. */
    public List<String> topicKeys() {
        return jdbc.list("select key from topic order by key", List.of(), rs -> rs.getString(1));
    }

    public List<TopicRecord> topicsByIds(Collection<Long> ids) {
        return jdbc.list("select id, key, name, description, source_id from topic where id = any(?)", List.of(ids),
                ProductStore::mapTopic);
    }

    /** Topic products of many topics at once: pairs of topic id and product. */
    public List<Map.Entry<Long, TopicProductRecord>> topicProducts(Collection<Long> topicIds) {
        return jdbc.list("select tp.topic_id, tp.note, " + COLUMNS + " from topic_product tp "
                + "join product_category p on p.code = tp.product_code where tp.topic_id = any(?) "
                + "order by p.code collate \"C\"", List.of(topicIds),
                rs -> Map.entry(rs.getLong("topic_id"), new TopicProductRecord(rs.getString("note"), map(rs))));
    }

    /** Topics of many categories at once: pairs of product code and topic. */
    public List<Map.Entry<String, TopicRecord>> topicsOfProducts(Collection<String> codes) {
        return jdbc.list("select tp.product_code, t.id, t.key, t.name, t.description, t.source_id from topic_product tp "
                + "join topic t on t.id = tp.topic_id where tp.product_code = any(?) order by t.key", List.of(codes),
                rs -> Map.entry(rs.getString("product_code"), mapTopic(rs)));
    }

    static TopicRecord mapTopic(ResultSet rs) throws SQLException {
        return new TopicRecord(rs.getLong("id"), rs.getString("key"), rs.getString("name"), rs.getString("description"),
                rs.getLong("source_id"));
    }

    static ProductCategoryRecord map(ResultSet rs) throws SQLException {
        String code = rs.getString("code");
        return new ProductCategoryRecord(code, ProductLevel.valueOf(rs.getString("level")),
                rs.getString("description"), rs.getString("parent_code"), rs.getString("section_code"));
    }

    /** A CHPL line as the reference loader writes it: an HS6 code, its tier (TIER_3A, …) and the list it is from. */
    public record ChplEntry(String hs6, String tier, String tierSummary, LocalDate listVersion, long sourceId) {
    }

    /** Upserts the HS sections (level SECTION, their own section) by code, in one batch; a section keeps all but its description. */
    public static int upsertSections(Connection c, List<ProductCategoryRecord> sections) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into product_category (code, level, parent_code, section_code, description)
                values (?, 'SECTION', null, ?, ?)
                on conflict (code) do update set description = excluded.description""")) {
            for (ProductCategoryRecord r : sections) {
                ps.setString(1, r.code());
                ps.setString(2, r.sectionCode());
                ps.setString(3, r.description());
                ps.addBatch();
            }
            ps.executeBatch();
            return sections.size();
        }
    }

    /** Upserts chapters, headings and subheadings by code in one ordered batch: give parents before their children. */
    public static void upsertCategories(Connection c, List<ProductCategoryRecord> categories) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into product_category (code, level, parent_code, section_code, description)
                values (?, ?, ?, ?, ?)
                on conflict (code) do update set level = excluded.level, parent_code = excluded.parent_code,
                    section_code = excluded.section_code, description = excluded.description""")) {
            for (ProductCategoryRecord r : categories) {
                ps.setString(1, r.code());
                ps.setString(2, r.level().name());
                ps.setString(3, r.parentCode());
                ps.setString(4, r.sectionCode());
                ps.setString(5, r.description());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Upserts the CHPL entries by HS6 code, in one batch; how many. */
    public static int upsertChplEntries(Connection c, List<ChplEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into chpl_entry (hs6, tier, tier_summary, list_version, source_id) values (?, ?, ?, ?, ?)
                on conflict (hs6) do update set tier = excluded.tier, tier_summary = excluded.tier_summary,
                    list_version = excluded.list_version, source_id = excluded.source_id""")) {
            for (ChplEntry e : entries) {
                ps.setString(1, e.hs6());
                ps.setString(2, e.tier());
                ps.setString(3, e.tierSummary());
                ps.setObject(4, e.listVersion());
                ps.setLong(5, e.sourceId());
                ps.addBatch();
            }
            ps.executeBatch();
            return entries.size();
        }
    }
}
