package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.model.SanctionRecord;
import org.tradeflows.query.AsOfSql;
import org.tradeflows.query.SanctionCriteria;
import org.tradeflows.query.SanctionRules;
import org.tradeflows.query.SyntheticRules;
import org.tradeflows.sql.Sql;

/** Every SQL statement that reads sanctions, and every write of them: the curators' and the loaders' (on their connection). */
@ApplicationScoped
public class SanctionStore implements SourceLinked {

    private static final String COLUMNS = "s.id, s.company_id, s.authority, s.program, s.listed_on, s.ended_on, "
            + "s.confirmed, s.source_id, s.note";

    private final Jdbc jdbc;

    public SanctionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<SanctionRecord> byCompanyIds(Collection<Long> companyIds) {
        return byCompanyIds(companyIds, null);
    }

    /** The companies' listings as they stood at the release (null: the latest). */
    public List<SanctionRecord> byCompanyIds(Collection<Long> companyIds, Long asOfRelease) {
        return jdbc.list(sql("select " + COLUMNS + " from {} s where s.company_id = any({}) "
                + "order by s.listed_on nulls last, s.id", AsOfSql.sanctions(asOfRelease), value(companyIds)),
                SanctionStore::map);
    }

    /** Of the sanctions, those a generator wrote: a look-up by id does not find them. */
    public Set<Long> syntheticAmong(Collection<Long> ids) {
        return new HashSet<>(jdbc.list(sql("select s.id from sanction s where s.id = any({}) and {}", value(ids),
                SyntheticRules.synthetic("s")), rs -> rs.getLong(1)));
    }

    public List<SanctionRecord> byIds(Collection<Long> ids) {
        return jdbc.list("select " + COLUMNS + " from sanction s where s.id = any(?)", List.of(ids), SanctionStore::map);
    }

    /** Of the companies, those with a listing in force on the date, of the given authorities if any: one read. */
    public Set<Long> sanctionedAmong(Collection<Long> companyIds, LocalDate on, Collection<SanctionAuthority> authorities) {
        return sanctionedAmong(companyIds, on, authorities, null);
    }

    /** {@link #sanctionedAmong(Collection, LocalDate, Collection)} with the listings as they stood at the release. */
    public Set<Long> sanctionedAmong(Collection<Long> companyIds, LocalDate on, Collection<SanctionAuthority> authorities,
            Long asOfRelease) {
        return new HashSet<>(jdbc.list(sql("select distinct s.company_id from {} s where {}", AsOfSql.sanctions(asOfRelease), and(
                sql("s.company_id = any({})", value(companyIds)),
                SanctionRules.inForce(on),
                ifGiven(authorities, a -> sql("s.authority = any({})", value(a.stream().map(Enum::name).toList()))))),
                rs -> rs.getLong(1)));
    }

    public List<SanctionRecord> page(SanctionCriteria filter, Long afterId, int limit) {
        return page(filter, afterId, limit, null);
    }

    /** A page of the listings as they stood at the release (null: the latest), in id order. */
    public List<SanctionRecord> page(SanctionCriteria filter, Long afterId, int limit, Long asOfRelease) {
        return jdbc.list(sql("select " + COLUMNS + " from {} s join company c on c.id = s.company_id where {}"
                + " order by s.id limit {}", AsOfSql.sanctions(asOfRelease),
                and(where(filter), ifGiven(afterId, id -> sql("s.id > {}", value(id)))), value(limit)), SanctionStore::map);
    }

    public long count(SanctionCriteria filter) {
        return count(filter, null);
    }

    public long count(SanctionCriteria filter, Long asOfRelease) {
        return jdbc.count(sql("select count(*) from {} s join company c on c.id = s.company_id where {}",
                AsOfSql.sanctions(asOfRelease), where(filter)));
    }

    private static Sql where(SanctionCriteria f) {
        if (f == null) {
            return SyntheticRules.real("s");
        }
        return and(SyntheticRules.realUnless(f, "s"),
                ifGiven(f.authorities(), a -> sql("s.authority = any({})", value(a.stream().map(Enum::name).toList()))),
                ifGiven(f.companyCountries(), codes -> sql("c.country_code = any({})", value(codes))),
                ifGiven(f.inForceOn(), SanctionRules::inForce),
                ifGiven(f.confirmed(), confirmed -> sql("s.confirmed = {}", value(confirmed))));
    }

    /** A listing locked for the caller's transaction. */
    public Optional<SanctionRecord> lock(long id) {
        return jdbc.one("select " + COLUMNS + " from sanction s where s.id = ? for update", List.of(id),
                SanctionStore::map);
    }

    /** The company's listing by the authority under the program from the date (absent program and date included). */
    public Optional<Long> sameListing(long companyId, SanctionAuthority authority, String program, LocalDate listedOn) {
        return jdbc.one("select id from sanction where company_id = ? and authority = ? and coalesce(program, '') = ? "
                + "and listed_on is not distinct from ?::date limit 1", Arrays.asList(companyId, authority,
                program == null ? "" : program, listedOn), rs -> rs.getLong(1));
    }

    /** Records a listing (its id is ignored); the stored listing, with its new id. */
    public SanctionRecord insert(SanctionRecord s) {
        long id = jdbc.one("insert into sanction (company_id, authority, program, listed_on, ended_on, confirmed, "
                + "source_id, note) values (?, ?, ?, ?, ?, ?, ?, ?) returning id", Arrays.asList(s.companyId(),
                s.authority(), s.program(), s.listedOn(), s.endedOn(), s.confirmed(), s.sourceId(), s.note()),
                rs -> rs.getLong(1)).orElseThrow();
        return new SanctionRecord(id, s.authority(), s.program(), s.listedOn(), s.endedOn(), s.confirmed(), s.note(),
                s.companyId(), s.sourceId());
    }

    public void end(long id, LocalDate endedOn) {
        jdbc.update("update sanction set ended_on = ? where id = ?", List.of(endedOn, id));
    }

    static SanctionRecord map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new SanctionRecord(id, SanctionAuthority.valueOf(rs.getString("authority")),
                rs.getString("program"), Jdbc.date(rs, "listed_on").orElse(null), Jdbc.date(rs, "ended_on").orElse(null),
                rs.getBoolean("confirmed"), rs.getString("note"), rs.getLong("company_id"), rs.getLong("source_id"));
    }

    @Override
    public Optional<Link> lockSourceLink(long id) {
        return jdbc.one("select source_id from sanction where id = ? for update", List.of(id),
                rs -> new Link(Jdbc.longOrNull(rs, "source_id")));
    }

    @Override
    public void setSource(long id, long sourceId) {
        jdbc.update("update sanction set source_id = ? where id = ?", List.of(sourceId, id));
    }

    // --- a company merge (curation/CompanyMerges) and its undo ---

    /** The merged company's listings that the survivor has too, deleted and returned whole (JSON) for the undo. */
    public List<String> dropCollidingListings(long merged, long survivor) {
        return new ArrayList<>(jdbc.list("""
                delete from sanction m where m.company_id = ? and exists (select 1 from sanction s
                 where s.company_id = ? and s.authority = m.authority and coalesce(s.program, '') = coalesce(m.program, '')
                   and coalesce(s.listed_on, date '0001-01-01') = coalesce(m.listed_on, date '0001-01-01'))
                returning to_jsonb(m)::text""", List.of(merged, survivor), rs -> rs.getString(1)));
    }

    public List<Long> moveListings(long merged, long survivor) {
        return new ArrayList<>(jdbc.list("update sanction set company_id = ? where company_id = ? returning id",
                List.of(survivor, merged), rs -> rs.getLong(1)));
    }

    public void returnListings(List<Long> ids, long merged, long survivor) {
        jdbc.update("update sanction set company_id = ? where company_id = ? and id = any(?)", List.of(merged, survivor, ids));
    }

    /** Puts deleted listings back exactly as they were (ids included), from the JSON the merge recorded. */
    public void restoreListings(List<String> rowsJson) {
        jdbc.insertJsonRows("insert into sanction select * from jsonb_populate_recordset(null::sanction, ?::jsonb)", rowsJson);
    }

    /** A sanction as a loader writes it, on its natural key (company, authority, program, listing date). */
    public record Listing(long companyId, String authority, String program, LocalDate listedOn, LocalDate endedOn,
            boolean confirmed, long sourceId, String note) {
    }

    /**
     * Upserts a dataset's own sanctions in one batch: one already there takes the listing's confirmation, source and
     * note (its end date stays: the listing's is not written). How many listings.
     */
    public static int upsertReplacingDetails(Connection c, List<Listing> listings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into sanction (company_id, authority, program, listed_on, confirmed, source_id, note)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (company_id, authority, coalesce(program, ''), coalesce(listed_on, date '0001-01-01'))
                do update set confirmed = excluded.confirmed, source_id = excluded.source_id, note = excluded.note""")) {
            for (Listing s : listings) {
                ps.setLong(1, s.companyId());
                ps.setString(2, s.authority());
                ps.setString(3, s.program());
                ps.setObject(4, s.listedOn());
                ps.setBoolean(5, s.confirmed());
                ps.setLong(6, s.sourceId());
                ps.setString(7, s.note());
                ps.addBatch();
            }
            ps.executeBatch();
            return listings.size();
        }
    }

    /**
     * Upserts a list's sanctions, confirmed, in batches of 1000: one already there keeps its source and all else, and
     * takes only an end date the listing gives that differs from its own. How many rows were inserted or updated.
     */
    public static long upsertAddingEndDates(Connection c, List<Listing> listings) throws SQLException {
        long written = 0;
        int batched = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into sanction (company_id, authority, program, listed_on, ended_on, confirmed, source_id, note)
                values (?, ?, ?, ?, ?, true, ?, ?)
                on conflict (company_id, authority, coalesce(program, ''), coalesce(listed_on, date '0001-01-01'))
                do update set ended_on = excluded.ended_on
                where excluded.ended_on is not null and sanction.ended_on is distinct from excluded.ended_on""")) {
            for (Listing s : listings) {
                ps.setLong(1, s.companyId());
                ps.setString(2, s.authority());
                ps.setString(3, s.program());
                ps.setObject(4, s.listedOn());
                ps.setObject(5, s.endedOn());
                ps.setLong(6, s.sourceId());
                ps.setString(7, s.note());
                ps.addBatch();
                if (++batched % 1000 == 0) {
                    written += written(ps.executeBatch());
                }
            }
            written += written(ps.executeBatch());
        }
        return written;
    }

    private static long written(int[] counts) {
        long n = 0;
        for (int c : counts) {
            n += Math.max(c, 0);
        }
        return n;
    }
}
