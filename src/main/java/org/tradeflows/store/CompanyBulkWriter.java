package org.tradeflows.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaders' writes of companies, on the load's connection. An instance writes the companies, aliases and
 * identifiers a file load adds, in batches. New companies get their ids from the
 * company sequence in blocks, reserved only when a company is actually created, so that rows naming them can be
 * staged before the companies themselves are written. Statements need the connection free: the hook given to
 * {@link #beforeStatements} (pausing a COPY in progress) runs first. The static methods write the companies of the
 * story dataset (upserted by key) and of the generator (inserted at once).
 */
public final class CompanyBulkWriter {

    private static final int BLOCK = 1000;

    private record NewCompany(long id, String name, String nameOriginal, String country) {
    }

    private record NewAlias(long companyId, String alias, String kind) {
    }

    private final Connection connection;
    private final long sourceId;
    private final List<Long> created = new ArrayList<>();
    private final Deque<Long> freeIds = new ArrayDeque<>();
    private final List<NewCompany> companies = new ArrayList<>();
    private final List<NewAlias> aliases = new ArrayList<>();
    private final List<Object[]> identifiers = new ArrayList<>();
    private long companiesWritten;
    private long aliasesWritten;
    private long identifiersWritten;
    private Runnable beforeStatements = () -> {
    };

    public CompanyBulkWriter(Connection connection, long sourceId) {
        this.connection = connection;
        this.sourceId = sourceId;
    }

    /** What to do before running statements on the connection (end a COPY in progress). */
    public void beforeStatements(Runnable hook) {
        this.beforeStatements = hook;
    }

    /** True when enough is pending that it should be written now. */
    public boolean full() {
        return companies.size() + aliases.size() + identifiers.size() >= 20_000;
    }

    /** A new company's id, its row written with the next batch. */
    public long create(String name, String nameOriginal, String country) {
        if (freeIds.isEmpty()) {
            try {
                beforeStatements.run();
                flush();
                reserve();
            } catch (SQLException e) {
                throw new IllegalStateException("Reserving company ids failed: " + e.getMessage(), e);
            }
        }
        long id = freeIds.pop();
        companies.add(new NewCompany(id, name, nameOriginal, country));
        return id;
    }

    public void alias(long companyId, String alias, String kind) {
        aliases.add(new NewAlias(companyId, alias, kind));
    }

    public void identifier(long companyId, String scheme, String value) {
        identifiers.add(new Object[] {companyId, scheme, value});
    }

    /** Writes what is pending. */
    public void flush() throws SQLException {
        if (!companies.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into company (id, name, name_original, country_code, source_id)
                    values (?, ?, ?, ?, ?)""")) {
                for (NewCompany n : companies) {
                    ps.setLong(1, n.id());
                    ps.setString(2, n.name());
                    ps.setString(3, n.nameOriginal());
                    ps.setString(4, n.country());
                    ps.setLong(5, sourceId);
                    ps.addBatch();
                    created.add(n.id());
                }
                companiesWritten += sum(ps.executeBatch());
            }
            companies.clear();
        }
        if (!aliases.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into company_alias (company_id, alias, kind, source_id) values (?, ?, ?, ?)
                    on conflict (company_id, alias) do nothing""")) {
                for (NewAlias a : aliases) {
                    ps.setLong(1, a.companyId());
                    ps.setString(2, a.alias());
                    ps.setString(3, a.kind());
                    ps.setLong(4, sourceId);
                    ps.addBatch();
                }
                aliasesWritten += sum(ps.executeBatch());
            }
            aliases.clear();
        }
        if (!identifiers.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into company_identifier (company_id, scheme, value, source_id) values (?, ?, ?, ?)
                    on conflict (scheme, value) do nothing""")) {
                for (Object[] i : identifiers) {
                    ps.setLong(1, (Long) i[0]);
                    ps.setString(2, (String) i[1]);
                    ps.setString(3, (String) i[2]);
                    ps.setLong(4, sourceId);
                    ps.addBatch();
                }
                identifiersWritten += sum(ps.executeBatch());
            }
            identifiers.clear();
        }
    }

    /** Gives the companies this load created its data release (made once the file is known to be new). */
    public void assignRelease(long releaseId) throws SQLException {
        flush();
        if (created.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("update company set release_id = ? where id = any(?)")) {
            ps.setLong(1, releaseId);
            ps.setArray(2, connection.createArrayOf("bigint", created.toArray()));
            ps.executeUpdate();
        }
    }

    private void reserve() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence('company', 'id')) from generate_series(1, ?)")) {
            ps.setInt(1, BLOCK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    freeIds.add(rs.getLong(1));
                }
            }
        }
    }

    private static long sum(int[] counts) {
        long n = 0;
        for (int c : counts) {
            n += Math.max(c, 0);
        }
        return n;
    }

    public long companiesWritten() {
        return companiesWritten;
    }

    public long aliasesWritten() {
        return aliasesWritten;
    }

    public long identifiersWritten() {
        return identifiersWritten;
    }

    /** A company as a dataset states it, with its aliases, written by its key. */
    public record KeyedCompany(String key, String name, String nameOriginal, String country, String city,
            String specialEconomicZone, String description, long sourceId, List<KeyedAlias> aliases) {
    }

    public record KeyedAlias(String alias, String kind, long sourceId) {
    }

    /**
     * Upserts the dataset's companies by key (one statement each: the id is needed for the aliases) and then their
     * aliases in one batch; a company's release is the one it was first loaded with. Each key's id.
     */
    public static Map<String, Long> upsertByKey(Connection c, List<KeyedCompany> list, long releaseId)
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
            for (KeyedCompany co : list) {
                ps.setString(1, co.key());
                ps.setString(2, co.name());
                ps.setString(3, co.nameOriginal());
                ps.setString(4, co.country());
                ps.setString(5, co.city());
                ps.setString(6, co.specialEconomicZone());
                ps.setString(7, co.description());
                ps.setLong(8, co.sourceId());
                ps.setLong(9, releaseId);
                long id;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                ids.put(co.key(), id);
                for (KeyedAlias a : co.aliases()) {
                    alias.setLong(1, id);
                    alias.setString(2, a.alias());
                    alias.setString(3, a.kind());
                    alias.setLong(4, a.sourceId());
                    alias.addBatch();
                }
            }
            alias.executeBatch();
        }
        return ids;
    }

    /**
     * Inserts the generator's companies in one statement, all with the same description, source and release; their ids,
     * in the order of the keys.
     */
    public static long[] insertAll(Connection c, String[] keys, String[] names, String[] countries, String description,
            long sourceId, long releaseId) throws SQLException {
        Map<String, Long> byKey = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into company (key, name, country_code, description, source_id, release_id)
                select k, n, cc, ?, ?, ?
                  from unnest(?::text[], ?::text[], ?::text[]) u(k, n, cc)
                returning id, key""")) {
            ps.setString(1, description);
            ps.setLong(2, sourceId);
            ps.setLong(3, releaseId);
            ps.setArray(4, c.createArrayOf("text", keys));
            ps.setArray(5, c.createArrayOf("text", names));
            ps.setArray(6, c.createArrayOf("text", countries));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byKey.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        long[] ids = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            ids[i] = byKey.get(keys[i]);
        }
        return ids;
    }
}
