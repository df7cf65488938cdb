package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.CompanyAlias;
import org.tradeflows.api.types.CompanyIdentifier;
import org.tradeflows.input.CompanyFilter;
import org.tradeflows.model.AliasKind;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.IdentifierScheme;
import org.tradeflows.query.Where;

/** Every SQL statement that reads companies, their aliases and identifiers. Merged companies resolve to survivors. */
@ApplicationScoped
public class CompanyStore {

    static final String COLUMNS = "c.id, c.name, c.name_original, c.city, c.special_economic_zone, c.description, "
            + "c.country_code, c.source_id";

    /** A sanction in force at a date; an unknown listing date counts only for today and later. */
    public static final String SANCTION_IN_FORCE = "s.confirmed and (s.listed_on <= ? or (s.listed_on is null and ? >= current_date)) "
            + "and (s.ended_on is null or s.ended_on > ?)";

    private final Jdbc jdbc;

    public CompanyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Companies by id; a merged id yields its survivor, keyed by the id asked for. */
    public List<Map.Entry<Long, Company>> byIds(Collection<Long> ids) {
        return jdbc.list("""
                with recursive chain(asked, id) as (
                    select x, x from unnest(?::bigint[]) x
                    union all
                    select chain.asked, c.merged_into_id from chain join company c on c.id = chain.id
                     where c.merged_into_id is not null)
                select chain.asked, %s from chain join company c on c.id = chain.id where c.merged_into_id is null
                """.formatted(COLUMNS), List.of(ids), rs -> Map.entry(rs.getLong("asked"), map(rs)));
    }

    public List<Company> page(CompanyFilter filter, String afterName, Long afterId, int limit) {
        Where w = where(filter);
        if (afterName != null) {
            w.and("(lower(c.name), c.id) > (?, ?)", afterName, afterId);
        }
        return jdbc.list("select " + COLUMNS + " from company c where " + w.sql() + " order by lower(c.name), c.id limit ?",
                w.params(limit), CompanyStore::map);
    }

    public long count(CompanyFilter filter) {
        Where w = where(filter);
        return jdbc.count("select count(*) from company c where " + w.sql(), w.params());
    }

    public static Where where(CompanyFilter f) {
        Where w = new Where().and("c.merged_into_id is null");
        if (f == null) {
            return w;
        }
        if (f.search() != null && !f.search().isBlank()) {
            w.and("""
                    (search_key(c.name) like '%%' || search_key(?) || '%%'
                     or search_key(coalesce(c.name_original, '')) like '%%' || search_key(?) || '%%'
                     or exists (select 1 from company_alias a where a.company_id = c.id
                                  and search_key(a.alias) like '%%' || search_key(?) || '%%'))""".replace("%%", "%"),
                    f.search(), f.search(), f.search());
        }
        w.andIf(f.countries(), "c.country_code = any(?)", f.countries());
        if (f.sanctioned() != null) {
            LocalDate on = f.sanctionedOn() == null ? LocalDate.now() : f.sanctionedOn();
            String authorities = f.sanctionAuthorities() == null || f.sanctionAuthorities().isEmpty() ? ""
                    : " and s.authority = any(?)";
            String exists = "exists (select 1 from sanction s where s.company_id = c.id and " + SANCTION_IN_FORCE
                    + authorities + ")";
            Object[] params = authorities.isEmpty() ? new Object[] {on, on, on}
                    : new Object[] {on, on, on, f.sanctionAuthorities().stream().map(Enum::name).toList()};
            w.and(f.sanctioned() ? exists : "not " + exists, params);
        }
        w.andIf(f.identifier(), "exists (select 1 from company_identifier i where i.company_id = c.id and i.value = ?)",
                f.identifier() == null ? null : f.identifier().trim());
        w.andIf(f.specialEconomicZone(), "lower(c.special_economic_zone) = lower(?)", f.specialEconomicZone());
        return w;
    }

    public List<Map.Entry<Long, CompanyAlias>> aliases(Collection<Long> companyIds) {
        return jdbc.list("select company_id, alias, kind from company_alias where company_id = any(?) order by id",
                List.of(companyIds), rs -> Map.entry(rs.getLong("company_id"),
                        new CompanyAlias(rs.getString("alias"), AliasKind.valueOf(rs.getString("kind")))));
    }

    public List<Map.Entry<Long, CompanyIdentifier>> identifiers(Collection<Long> companyIds) {
        return jdbc.list("select company_id, scheme, value from company_identifier where company_id = any(?) "
                + "order by scheme, value", List.of(companyIds), rs -> Map.entry(rs.getLong("company_id"),
                        new CompanyIdentifier(IdentifierScheme.valueOf(rs.getString("scheme")), rs.getString("value"))));
    }

    static Company map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Company(GlobalId.of("Company", id), rs.getString("name"), rs.getString("name_original"),
                rs.getString("city"), rs.getString("special_economic_zone"), rs.getString("description"), id,
                rs.getString("country_code"), Jdbc.longOrNull(rs, "source_id"));
    }
}
