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
 * company sequence in blocks, so that rows naming them can be staged before the companies themselves are written;
 * {@link #flush} writes what is pending and must run while the connection is free (no COPY in progress).
 */
public final class CompanyWriter {

    private static final int BLOCK = 1000;

    private record NewCompany(long id, String name, String nameOriginal, String country) {
    }

    private record NewAlias(long companyId, String alias, String kind) {
    }

    private final Connection connection;
    private final long sourceId;
    private final long releaseId;
    private final Deque<Long> freeIds = new ArrayDeque<>();
    private final List<NewCompany> companies = new ArrayList<>();
    private final List<NewAlias> aliases = new ArrayList<>();
    private final List<Object[]> identifiers = new ArrayList<>();
    private long companiesWritten;
    private long aliasesWritten;
    private long identifiersWritten;

    public CompanyWriter(Connection connection, long sourceId, long releaseId) {
        this.connection = connection;
        this.sourceId = sourceId;
        this.releaseId = releaseId;
    }

    /** True when at least {@code n} more companies can be created without touching the connection. */
    public boolean canCreate(int n) {
        return freeIds.size() >= n && companies.size() + aliases.size() + identifiers.size() < 20_000;
    }

    long create(String name, String nameOriginal, String country) {
        if (freeIds.isEmpty()) {
            throw new IllegalStateException("No company id reserved; call flush() first");
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

    /** Writes what is pending and reserves the next block of company ids. */
    public void flush() throws SQLException {
        if (!companies.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into company (id, name, name_original, country_code, source_id, release_id)
                    values (?, ?, ?, ?, ?, ?)""")) {
                for (NewCompany n : companies) {
                    ps.setLong(1, n.id());
                    ps.setString(2, n.name());
                    ps.setString(3, n.nameOriginal());
                    ps.setString(4, n.country());
                    ps.setLong(5, sourceId);
                    ps.setLong(6, releaseId);
                    ps.addBatch();
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
        if (freeIds.size() < BLOCK / 2) {
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
