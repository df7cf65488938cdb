package org.tradeflows.ingest.company;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes the companies, aliases and identifiers a load adds, in batches. New companies get their ids from the
 * company sequence in blocks, reserved only when a company is actually created, so that rows naming them can be
 * staged before the companies themselves are written. Statements need the connection free: the hook given to
 * {@link #beforeStatements} (pausing a COPY in progress) runs first.
 */
public final class CompanyWriter {

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

    public CompanyWriter(Connection connection, long sourceId) {
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

    long create(String name, String nameOriginal, String country) {
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

    void alias(long companyId, String alias, String kind) {
        aliases.add(new NewAlias(companyId, alias, kind));
    }

    void identifier(long companyId, Identifier identifier) {
        identifiers.add(new Object[] {companyId, identifier.scheme(), identifier.value()});
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
}
