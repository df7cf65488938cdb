package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.containsPattern;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tradeflows.model.AmountRecord;
import org.tradeflows.model.CompanyRole;
import org.tradeflows.model.CountRecord;
import org.tradeflows.model.CountryRole;
import org.tradeflows.model.FindingCompanyRecord;
import org.tradeflows.model.FindingCountryRecord;
import org.tradeflows.model.FindingKind;
import org.tradeflows.model.FindingProductRecord;
import org.tradeflows.model.FindingRecord;
import org.tradeflows.model.PeriodRecord;
import org.tradeflows.model.SyntheticChoice;
import org.tradeflows.model.ValueQualifier;
import org.tradeflows.query.FindingCriteria;
import org.tradeflows.query.SyntheticRules;
import org.tradeflows.sql.Sql;

/**
 * Every SQL statement that reads findings and what they link to (findings are listed, never summed), and the curators'
 * writes: a source attached, the company roles moved by a merge and its undo; and the story dataset's writes, on its
 * loader's connection.
 */
@ApplicationScoped
public class FindingStore implements SourceLinked {

    private static final String COLUMNS = """
            f.id, f.key, f.kind, f.statement, f.quote, f.value, f.currency, f.value_qualifier, f.count, f.count_unit,
                   f.count_qualifier, f.period_start, f.period_end, f.period_label, f.confirmed, f.through_intermediaries,
                   f.note, f.source_id, f.part_of_id, s.citation""";
    private static final String FROM = "\n  from finding f join source s on s.id = f.source_id";
    private static final String SELECT = "select " + COLUMNS + FROM;

    private final Jdbc jdbc;

    public FindingStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<FindingRecord> byIds(Collection<Long> ids) {
        return jdbc.list(SELECT + " where f.id = any(?)", List.of(ids), FindingStore::map);
    }

    public Optional<FindingRecord> byKey(String key) {
        return jdbc.one(SELECT + " where f.key = ?", List.of(key), FindingStore::map);
    }

    /** The same claim reported by other sources, linked in either direction, keyed by the finding asked about. */
    public List<Map.Entry<Long, FindingRecord>> sameClaims(Collection<Long> ids) {
        return jdbc.list("select x.asked, " + COLUMNS + FROM
                + " join unnest(?::bigint[]) x(asked) on f.same_claim_as_id = x.asked"
                + " or f.id = (select o.same_claim_as_id from finding o where o.id = x.asked) order by f.id",
                List.of(ids), rs -> Map.entry(rs.getLong("asked"), map(rs)));
    }

    public List<FindingRecord> partsOf(Collection<Long> ids) {
        return jdbc.list(SELECT + " where f.part_of_id = any(?) order by f.id", List.of(ids), FindingStore::map);
    }

    /** Findings about any of the companies (merged ones included), keyed by company id. */
    public List<Map.Entry<Long, FindingRecord>> aboutCompanies(Collection<Long> companyIds) {
        return jdbc.list("select distinct fc.company_id as about, " + COLUMNS + FROM
                + " join finding_company fc on fc.finding_id = f.id where fc.company_id = any(?) order by f.id",
                List.of(companyIds), rs -> Map.entry(rs.getLong("about"), map(rs)));
    }

    public List<FindingRecord> page(FindingCriteria filter, Long companyId, Long afterId, int limit) {
        Sql where = and(where(filter, companyId), ifGiven(afterId, id -> sql("f.id > {}", value(id))));
        return jdbc.list(sql(SELECT + " where {} order by f.id limit {}", where, value(limit)), FindingStore::map);
    }

    public long count(FindingCriteria filter, Long companyId) {
        return jdbc.count(sql("select count(*) from finding f where {}", where(filter, companyId)));
    }

    /** The findings a filter keeps (about the company when one is given), real ones unless asked. */
    public static Sql where(FindingCriteria f, Long companyId) {
        Sql real = SyntheticChoice.includes(f) ? Sql.EMPTY : SyntheticRules.real("f");
        if (f == null) {
            return and(real);
        }
        return and(real,
                ifGiven(f.kinds(), k -> sql("f.kind = any({})", value(k.stream().map(Enum::name).toList()))),
                ifGiven(companyId, id -> sql("exists (select 1 from finding_company fc where fc.finding_id = f.id "
                        + "and fc.company_id = {}{})", value(id), ifGiven(f.companyRoles(),
                                r -> sql(" and fc.role = any({})", value(r.stream().map(Enum::name).toList()))))),
                ifGiven(f.countries(), c -> sql("exists (select 1 from finding_country fk where fk.finding_id = f.id "
                        + "and fk.country_code = any({}))", value(c))),
                ifGiven(f.productCode(), code -> sql("exists (select 1 from finding_product fp join product_category p "
                        + "on p.code = fp.product_code where fp.finding_id = f.id and (p.code like {} or p.section_code = {}))",
                        value(code + "%"), value(code))),
                ifGiven(f.source(), key -> sql("f.source_id = (select id from source where key = {})", value(key))),
                ifGiven(f.periodFrom(), d -> sql("f.period_end >= {}", value(d))),
                ifGiven(f.periodTo(), d -> sql("f.period_start <= {}", value(d))),
                ifGiven(f.confirmed(), c -> sql("f.confirmed = {}", value(c))),
                ifGiven(f.search(), text -> {
                    Sql like = containsPattern(text.trim());
                    return sql("f.statement ilike {} or f.quote ilike {}", like, like);
                }));
    }

    public List<Map.Entry<Long, FindingCompanyRecord>> companies(Collection<Long> findingIds) {
        return jdbc.list("select fc.finding_id, fc.role, " + CompanyStore.COLUMNS + " from finding_company fc "
                + "join company c on c.id = fc.company_id where fc.finding_id = any(?) order by fc.role, c.name",
                List.of(findingIds), rs -> Map.entry(rs.getLong("finding_id"),
                        new FindingCompanyRecord(CompanyRole.valueOf(rs.getString("role")), CompanyStore.map(rs))));
    }

    public List<Map.Entry<Long, FindingCountryRecord>> countries(Collection<Long> findingIds) {
        return jdbc.list("select fk.finding_id, fk.role, c.* from finding_country fk join country c "
                + "on c.code = fk.country_code where fk.finding_id = any(?) order by fk.role, c.code",
                List.of(findingIds), rs -> Map.entry(rs.getLong("finding_id"),
                        new FindingCountryRecord(CountryRole.valueOf(rs.getString("role")), CountryStore.map(rs))));
    }

    public List<Map.Entry<Long, FindingProductRecord>> products(Collection<Long> findingIds) {
        return jdbc.list("select fp.finding_id, fp.goods_label, p.* from finding_product fp join product_category p "
                + "on p.code = fp.product_code where fp.finding_id = any(?) order by p.code collate \"C\"",
                List.of(findingIds), rs -> Map.entry(rs.getLong("finding_id"),
                        new FindingProductRecord(rs.getString("goods_label"), ProductStore.map(rs))));
    }

    public List<Map.Entry<Long, String>> goods(Collection<Long> findingIds) {
        return jdbc.list("select finding_id, label from finding_goods where finding_id = any(?) order by position",
                List.of(findingIds), rs -> Map.entry(rs.getLong(1), rs.getString(2)));
    }

    public List<Map.Entry<Long, AmountRecord>> otherAmounts(Collection<Long> findingIds) {
        return jdbc.list("select finding_id, value, currency, value_qualifier from finding_amount "
                + "where finding_id = any(?) order by currency", List.of(findingIds),
                rs -> Map.entry(rs.getLong(1), new AmountRecord(rs.getBigDecimal(2), rs.getString(3),
                        ValueQualifier.valueOf(rs.getString(4)))));
    }

    static FindingRecord map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        AmountRecord value = rs.getBigDecimal("value") == null ? null : new AmountRecord(rs.getBigDecimal("value"),
                rs.getString("currency"), ValueQualifier.valueOf(rs.getString("value_qualifier")));
        Integer n = Jdbc.intOrNull(rs, "count");
        CountRecord count = n == null ? null : new CountRecord(n, rs.getString("count_unit"),
                ValueQualifier.valueOf(rs.getString("count_qualifier")));
        PeriodRecord period = new PeriodRecord(Jdbc.date(rs, "period_start").orElse(null),
                Jdbc.date(rs, "period_end").orElse(null),
                rs.getString("period_label"));
        return new FindingRecord(id, rs.getString("key"), FindingKind.valueOf(rs.getString("kind")),
                rs.getString("statement"), rs.getString("quote"), value, count, period, rs.getBoolean("confirmed"),
                rs.getBoolean("through_intermediaries"), rs.getString("note"), rs.getString("citation"),
                rs.getLong("source_id"), Jdbc.longOrNull(rs, "part_of_id"));
    }

    @Override
    public Optional<Link> lockSourceLink(long id) {
        return jdbc.one("select source_id from finding where id = ? for update", List.of(id),
                rs -> new Link(Jdbc.longOrNull(rs, "source_id")));
    }

    @Override
    public void setSource(long id, long sourceId) {
        jdbc.update("update finding set source_id = ? where id = ?", List.of(sourceId, id));
    }

    // --- a company merge (curation/CompanyMerges) and its undo ---

    /** The merged company's finding roles that the survivor has too, deleted and returned whole (JSON) for the undo. */
    public List<String> dropCollidingCompanyLinks(long merged, long survivor) {
        return new ArrayList<>(jdbc.list("""
                delete from finding_company m where m.company_id = ? and exists (select 1 from finding_company s
                 where s.company_id = ? and s.finding_id = m.finding_id and s.role = m.role)
                returning to_jsonb(m)::text""", List.of(merged, survivor), rs -> rs.getString(1)));
    }

    /** Finding links as "findingId:role". */
    public List<String> moveCompanyLinks(long merged, long survivor) {
        return new ArrayList<>(jdbc.list("update finding_company set company_id = ? where company_id = ? "
                + "returning finding_id || ':' || role", List.of(survivor, merged), rs -> rs.getString(1)));
    }

    public void returnCompanyLinks(List<String> links, long merged, long survivor) {
        jdbc.update("update finding_company set company_id = ? where company_id = ? and finding_id || ':' || role = any(?)",
                List.of(merged, survivor, links));
    }

    /** Puts deleted finding roles back exactly as they were, from the JSON the merge recorded. */
    public void restoreCompanyLinks(List<String> rowsJson) {
        jdbc.insertJsonRows("insert into finding_company select * from jsonb_populate_recordset(null::finding_company, ?::jsonb)",
                rowsJson);
    }

    /** A finding as a dataset states it, written by its key. */
    public record KeyedFinding(String key, String kind, long releaseId, long sourceId, String statement, String quote,
            BigDecimal value, String currency, String valueQualifier, Integer count, String countUnit,
            String countQualifier, LocalDate periodStart, LocalDate periodEnd, String periodLabel, boolean confirmed,
            boolean throughIntermediaries, String note) {
    }

    /** A finding's amounts, companies, countries, products and goods (in their order), as a dataset states them. */
    public record Parts(List<Amount> amounts, List<CompanyPart> companies, List<CountryPart> countries,
            List<ProductPart> products, List<String> goods) {
    }

    public record Amount(String currency, BigDecimal value, String qualifier) {
    }

    public record CompanyPart(long companyId, String role) {
    }

    public record CountryPart(String countryCode, String role) {
    }

    public record ProductPart(String productCode, String goodsLabel) {
    }

    /**
     * Upserts the findings by key on a dataset loader's connection, one statement each; their links (part of, same
     * claim as) are cleared, for {@link #link} to set again. Each key's id.
     */
    public static Map<String, Long> upsertByKey(Connection c, List<KeyedFinding> findings) throws SQLException {
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
            for (KeyedFinding f : findings) {
                ps.setString(1, f.key());
                ps.setString(2, f.kind());
                ps.setLong(3, f.releaseId());
                ps.setLong(4, f.sourceId());
                ps.setString(5, f.statement());
                ps.setString(6, f.quote());
                ps.setBigDecimal(7, f.value());
                ps.setString(8, f.currency());
                ps.setString(9, f.valueQualifier());
                if (f.count() != null) {
                    ps.setInt(10, f.count());
                } else {
                    ps.setNull(10, Types.INTEGER);
                }
                ps.setString(11, f.countUnit());
                ps.setString(12, f.countQualifier());
                ps.setObject(13, f.periodStart());
                ps.setObject(14, f.periodEnd());
                ps.setString(15, f.periodLabel());
                ps.setBoolean(16, f.confirmed());
                ps.setBoolean(17, f.throughIntermediaries());
                ps.setString(18, f.note());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ids.put(f.key(), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Sets the finding's links that are given (null leaves a link as it is). */
    public static void link(Connection c, long id, Long partOfId, Long sameClaimAsId) throws SQLException {
        link(c, "update finding set part_of_id = ? where id = ?", id, partOfId);
        link(c, "update finding set same_claim_as_id = ? where id = ?", id, sameClaimAsId);
    }

    private static void link(Connection c, String sql, long id, Long target) throws SQLException {
        if (target == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, target);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Replaces the finding's amounts, companies, countries, products and goods by those given, a batch each. */
    public static void replaceParts(Connection c, long id, Parts parts) throws SQLException {
        for (String table : new String[] {"finding_amount", "finding_company", "finding_country", "finding_product",
                "finding_goods"}) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where finding_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_amount (finding_id, currency, value, value_qualifier) values (?, ?, ?, ?)")) {
            for (Amount a : parts.amounts()) {
                ps.setLong(1, id);
                ps.setString(2, a.currency());
                ps.setBigDecimal(3, a.value());
                ps.setString(4, a.qualifier());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_company (finding_id, company_id, role) values (?, ?, ?)")) {
            for (CompanyPart a : parts.companies()) {
                ps.setLong(1, id);
                ps.setLong(2, a.companyId());
                ps.setString(3, a.role());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_country (finding_id, country_code, role) values (?, ?, ?)")) {
            for (CountryPart a : parts.countries()) {
                ps.setLong(1, id);
                ps.setString(2, a.countryCode());
                ps.setString(3, a.role());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_product (finding_id, product_code, goods_label) values (?, ?, ?)")) {
            for (ProductPart a : parts.products()) {
                ps.setLong(1, id);
                ps.setString(2, a.productCode());
                ps.setString(3, a.goodsLabel());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into finding_goods (finding_id, position, label) values (?, ?, ?)")) {
            int position = 1;
            for (String g : parts.goods()) {
                ps.setLong(1, id);
                ps.setInt(2, position++);
                ps.setString(3, g);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
