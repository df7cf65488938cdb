package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tradeflows.model.AliasKind;
import org.tradeflows.model.CompanyAliasRecord;
import org.tradeflows.model.CompanyIdentifierRecord;
import org.tradeflows.model.CompanyRecord;
import org.tradeflows.model.IdentifierScheme;
import org.tradeflows.model.StoredAlias;
import org.tradeflows.model.StoredIdentifier;
import org.tradeflows.query.CompanyCriteria;
import org.tradeflows.query.SanctionRules;
import org.tradeflows.query.SyntheticRules;
import org.tradeflows.sql.Sql;

/**
 * Every SQL statement that reads companies, their aliases and identifiers (merged companies resolve to survivors), and
 * the curators' writes of them and of ownership links: corrections, a source attached, a merge's moves and its undo.
 */
@ApplicationScoped
public class CompanyStore implements SourceLinked {

    static final String COLUMNS = "c.id, c.name, c.name_original, c.city, c.special_economic_zone, c.description, "
            + "c.country_code, c.source_id";

    private final Jdbc jdbc;

    public CompanyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Companies by id; a merged id yields its survivor, keyed by the id asked for. Companies never merged are read by
     * their primary key alone; only the ids not found so (merged ones) follow the chain of merges (through the partial index
     * {@code company_merged}, V23), so a page of shipments pays nothing for merges it does not meet.
     */
    public List<Map.Entry<Long, CompanyRecord>> byIds(Collection<Long> ids) {
        List<Map.Entry<Long, CompanyRecord>> found = new ArrayList<>(jdbc.list("select " + COLUMNS
                + " from company c where c.id = any(?) and c.merged_into_id is null", List.of(ids),
                rs -> Map.entry(rs.getLong("id"), map(rs))));
        if (found.size() < ids.size()) {
            Set<Long> rest = new HashSet<>(ids);
            found.forEach(e -> rest.remove(e.getKey()));
            if (!rest.isEmpty()) {
                found.addAll(jdbc.list(sql("""
                        with recursive chain(asked, id) as (
                            select c.id, c.merged_into_id from company c
                             where c.id = any({}) and c.merged_into_id is not null
                            union all
                            select chain.asked, c.merged_into_id from chain join company c on c.id = chain.id
                             where c.merged_into_id is not null)
                        select chain.asked, {} from chain join company c on c.id = chain.id where c.merged_into_id is null
                        """, value(List.copyOf(rest)), sql(COLUMNS)), rs -> Map.entry(rs.getLong("asked"), map(rs))));
            }
        }
        return found;
    }

    /** Of the companies, those a generator wrote: a look-up by id does not find them. */
    public Set<Long> syntheticAmong(Collection<Long> ids) {
        return new HashSet<>(jdbc.list(sql("select c.id from company c where c.id = any({}) and {}", value(ids),
                SyntheticRules.synthetic("c")), rs -> rs.getLong(1)));
    }

    public List<CompanyRecord> page(CompanyCriteria filter, String afterName, Long afterId, int limit) {
        Sql after = afterName == null ? Sql.EMPTY
                : sql("(lower(c.name), c.id) > ({}, {})", value(afterName), value(afterId));
        return jdbc.list(sql("select " + COLUMNS + " from company c where {} order by lower(c.name), c.id limit {}",
                and(where(filter), after), value(limit)), CompanyStore::map);
    }

    public long count(CompanyCriteria filter) {
        return jdbc.count(sql("select count(*) from company c where {}", where(filter)));
    }

    public static Sql where(CompanyCriteria f) {
        Sql live = sql("c.merged_into_id is null");
        if (f == null) {
            return and(live, SyntheticRules.real("c"));
        }
        return and(live, SyntheticRules.realUnless(f, "c"),
                ifGiven(blankToNull(f.search()), text -> sql("""
                        (search_key(c.name) like '%' || search_key({}) || '%'
                         or search_key(coalesce(c.name_original, '')) like '%' || search_key({}) || '%'
                         or exists (select 1 from company_alias a where a.company_id = c.id
                                      and search_key(a.alias) like '%' || search_key({}) || '%'))""",
                        value(text), value(text), value(text))),
                ifGiven(f.countries(), codes -> sql("c.country_code = any({})", value(codes))),
                ifGiven(f.sanctioned(), wanted -> wanted ? sanctionedOn(f) : sanctionedOn(f).not()),
                ifGiven(f.identifier(), id -> sql(
                        "exists (select 1 from company_identifier i where i.company_id = c.id and i.value = {})",
                        value(id.trim()))),
                ifGiven(f.specialEconomicZone(), zone -> sql("lower(c.special_economic_zone) = lower({})", value(zone))));
    }

    /** A listing of the company, of the filter's authorities if any, is in force on its date (default today). */
    private static Sql sanctionedOn(CompanyCriteria f) {
        LocalDate on = f.sanctionedOn() == null ? LocalDate.now() : f.sanctionedOn();
        return sql("exists (select 1 from sanction s where s.company_id = c.id and {})", and(
                SanctionRules.inForce(on),
                ifGiven(f.sanctionAuthorities(), a -> sql("s.authority = any({})", value(a.stream().map(Enum::name).toList())))));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public List<Map.Entry<Long, CompanyAliasRecord>> aliases(Collection<Long> companyIds) {
        return jdbc.list("select company_id, alias, kind from company_alias where company_id = any(?) order by id",
                List.of(companyIds), rs -> Map.entry(rs.getLong("company_id"),
                        new CompanyAliasRecord(rs.getString("alias"), AliasKind.valueOf(rs.getString("kind")))));
    }

    public List<Map.Entry<Long, CompanyIdentifierRecord>> identifiers(Collection<Long> companyIds) {
        return jdbc.list("select company_id, scheme, value from company_identifier where company_id = any(?) "
                + "order by scheme, value", List.of(companyIds), rs -> Map.entry(rs.getLong("company_id"),
                        new CompanyIdentifierRecord(IdentifierScheme.valueOf(rs.getString("scheme")),
                                rs.getString("value"))));
    }

    /** A company, merged or not, locked for the caller's transaction; the second value is what it was merged into. */
    public Optional<Map.Entry<CompanyRecord, Optional<Long>>> lock(long id) {
        return jdbc.one("select " + COLUMNS + ", c.merged_into_id from company c where c.id = ? for update",
                List.of(id),
                rs -> Map.entry(map(rs), Optional.ofNullable(Jdbc.longOrNull(rs, "merged_into_id"))));
    }

    /** A curator's new values of the fields a correction may change. */
    public void update(CompanyRecord c) {
        jdbc.update("update company set name = ?, name_original = ?, country_code = ?, city = ?, "
                + "special_economic_zone = ?, description = ? where id = ?", Arrays.asList(c.name(), c.nameOriginal(),
                c.countryCode(), c.city(), c.specialEconomicZone(), c.description(), c.id()));
    }

    public Optional<StoredAlias> alias(long companyId, String alias) {
        return jdbc.one("select id, company_id, alias, kind, source_id from company_alias where company_id = ? and alias = ? "
                + "limit 1", List.of(companyId, alias), CompanyStore::mapAlias);
    }

    /** Adds an alias; the stored row, with its new id. */
    public StoredAlias addAlias(long companyId, String alias, AliasKind kind, Long sourceId) {
        return jdbc.one("insert into company_alias (company_id, alias, kind, source_id) values (?, ?, ?, ?) "
                + "returning id, company_id, alias, kind, source_id", Arrays.asList(companyId, alias, kind, sourceId),
                CompanyStore::mapAlias).orElseThrow();
    }

    public void removeAlias(long aliasId) {
        jdbc.update("delete from company_alias where id = ?", List.of(aliasId));
    }

    /** The identifier of this scheme and value, whichever company it identifies. */
    public Optional<StoredIdentifier> identifier(IdentifierScheme scheme, String value) {
        return jdbc.one("select id, company_id, scheme, value, source_id from company_identifier where scheme = ? "
                + "and value = ? limit 1", List.of(scheme, value), CompanyStore::mapIdentifier);
    }

    public Optional<StoredIdentifier> identifier(long companyId, IdentifierScheme scheme, String value) {
        return jdbc.one("select id, company_id, scheme, value, source_id from company_identifier where company_id = ? "
                + "and scheme = ? and value = ? limit 1", List.of(companyId, scheme,
                value), CompanyStore::mapIdentifier);
    }

    /** Adds an identifier; the stored row, with its new id. */
    public StoredIdentifier addIdentifier(long companyId, IdentifierScheme scheme, String value, Long sourceId) {
        return jdbc.one("insert into company_identifier (company_id, scheme, value, source_id) values (?, ?, ?, ?) "
                + "returning id, company_id, scheme, value, source_id", Arrays.asList(companyId, scheme, value,
                sourceId),
                CompanyStore::mapIdentifier).orElseThrow();
    }

    public void removeIdentifier(long identifierId) {
        jdbc.update("delete from company_identifier where id = ?", List.of(identifierId));
    }

    private static StoredAlias mapAlias(ResultSet rs) throws SQLException {
        return new StoredAlias(rs.getLong("id"), rs.getLong("company_id"), rs.getString("alias"),
                AliasKind.valueOf(rs.getString("kind")), Jdbc.longOrNull(rs, "source_id"));
    }

    private static StoredIdentifier mapIdentifier(ResultSet rs) throws SQLException {
        return new StoredIdentifier(rs.getLong("id"), rs.getLong("company_id"),
                IdentifierScheme.valueOf(rs.getString("scheme")), rs.getString("value"), Jdbc.longOrNull(rs,
                        "source_id"));
    }

    static CompanyRecord map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new CompanyRecord(id, rs.getString("name"), rs.getString("name_original"), rs.getString("city"),
                rs.getString("special_economic_zone"), rs.getString("description"), rs.getString("country_code"),
                Jdbc.longOrNull(rs, "source_id"));
    }

    @Override
    public Optional<Link> lockSourceLink(long id) {
        return jdbc.one("select source_id from company where id = ? and merged_into_id is null for update", List.of(id),
                rs -> new Link(Jdbc.longOrNull(rs, "source_id")));
    }

    @Override
    public void setSource(long id, long sourceId) {
        jdbc.update("update company set source_id = ? where id = ?", List.of(sourceId, id));
    }

    // --- a merge (curation/CompanyMerges) and its undo: each move returns the keys of the rows it changed ---

    /** Locks both companies, in id order so that two merges of the same pair cannot deadlock. */
    public void lockPair(long a, long b) {
        jdbc.list("select id from company where id = any(?) order by id for update", List.of(List.of(a, b)), rs -> rs.getLong(1));
    }

    /** The company the given one was merged into, or null. */
    public Long mergedInto(long company) {
        long into = jdbc.count("select coalesce(merged_into_id, 0) from company where id = ?", List.of(company));
        return into == 0 ? null : into;
    }

    public void setMergedInto(long company, Long into) {
        jdbc.update("update company set merged_into_id = ? where id = ?", Arrays.asList(into, company));
    }

    /** The merged company's aliases that the survivor has too, deleted and returned whole (JSON) for the undo. */
    public List<String> dropCollidingAliases(long merged, long survivor) {
        return texts("""
                delete from company_alias m where m.company_id = ? and exists (select 1 from company_alias s
                 where s.company_id = ? and s.alias = m.alias)
                returning to_jsonb(m)::text""", merged, survivor);
    }

    public List<Long> moveAliases(long merged, long survivor) {
        return ids("update company_alias set company_id = ? where company_id = ? returning id", survivor, merged);
    }

    /** The merged company's names become aliases of the survivor (so a search by them finds it), unless present. */
    public List<Long> addNamesAsAliases(long merged, long survivor) {
        return ids("""
                insert into company_alias (company_id, alias, kind, source_id)
                select ?, n.alias, n.kind, m.source_id
                  from company m cross join lateral (values (m.name, 'ALIAS'), (m.name_original, 'ORIGINAL_SCRIPT')) n(alias, kind)
                 where m.id = ? and n.alias is not null and length(trim(n.alias)) > 0
                   and not exists (select 1 from company_alias a where a.company_id = ? and a.alias = n.alias)
                   and n.alias <> (select name from company where id = ?)
                on conflict (company_id, alias) do nothing
                returning id""", survivor, merged, survivor, survivor);
    }

    public List<Long> moveIdentifiers(long merged, long survivor) {
        return ids("update company_identifier set company_id = ? where company_id = ? returning id", survivor, merged);
    }

    /** Ownership links that would join the survivor to itself or repeat one of its links, deleted and returned whole. */
    public List<String> dropCollidingOwnership(long merged, long survivor) {
        return texts("""
                delete from ownership o where (o.owner_id = ? and (o.owned_id = ? or exists (select 1 from ownership s
                         where s.owner_id = ? and s.owned_id = o.owned_id)))
                   or (o.owned_id = ? and (o.owner_id = ? or exists (select 1 from ownership s
                         where s.owned_id = ? and s.owner_id = o.owner_id)))
                returning to_jsonb(o)::text""", merged, survivor, survivor, merged, survivor, survivor);
    }

    /** Companies the merged one owned, now owned by the survivor. */
    public List<Long> moveOwned(long merged, long survivor) {
        return ids("update ownership set owner_id = ? where owner_id = ? returning owned_id", survivor, merged);
    }

    /** Owners of the merged one, now owners of the survivor. */
    public List<Long> moveOwners(long merged, long survivor) {
        return ids("update ownership set owned_id = ? where owned_id = ? returning owner_id", survivor, merged);
    }

    public void returnAliases(List<Long> ids, long merged, long survivor) {
        jdbc.update("update company_alias set company_id = ? where company_id = ? and id = any(?)", List.of(merged, survivor, ids));
    }

    public void returnIdentifiers(List<Long> ids, long merged, long survivor) {
        jdbc.update("update company_identifier set company_id = ? where company_id = ? and id = any(?)",
                List.of(merged, survivor, ids));
    }

    public void removeAddedAliases(List<Long> ids, long survivor) {
        jdbc.update("delete from company_alias where company_id = ? and id = any(?)", List.of(survivor, ids));
    }

    public void returnOwned(List<Long> owned, long merged, long survivor) {
        jdbc.update("update ownership set owner_id = ? where owner_id = ? and owned_id = any(?)", List.of(merged, survivor, owned));
    }

    public void returnOwners(List<Long> owners, long merged, long survivor) {
        jdbc.update("update ownership set owned_id = ? where owned_id = ? and owner_id = any(?)", List.of(merged, survivor, owners));
    }

    /** Puts deleted aliases back exactly as they were (ids included), from the JSON the merge recorded. */
    public void restoreAliases(List<String> rowsJson) {
        jdbc.insertJsonRows("insert into company_alias select * from jsonb_populate_recordset(null::company_alias, ?::jsonb)",
                rowsJson);
    }

    /** Puts deleted ownership links back exactly as they were, from the JSON the merge recorded. */
    public void restoreOwnership(List<String> rowsJson) {
        jdbc.insertJsonRows("insert into ownership select * from jsonb_populate_recordset(null::ownership, ?::jsonb)", rowsJson);
    }

    private List<Long> ids(String sql, Object... params) {
        return new ArrayList<>(jdbc.list(sql, List.of(params), rs -> rs.getLong(1)));
    }

    private List<String> texts(String sql, Object... params) {
        return new ArrayList<>(jdbc.list(sql, List.of(params), rs -> rs.getString(1)));
    }
}
