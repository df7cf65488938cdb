package org.tradeflows.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rows a test needs and the API cannot create (companies, shipments, ownership), written with plain JDBC. */
public final class Fixtures {

    private final AgroalDataSource ds;

    public Fixtures(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Runs a statement; returns the first column of every row it returns (e.g. ids from "returning id"). */
    public List<Long> sql(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Long> out = new ArrayList<>();
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long company(String name, String country) {
        return sql("insert into company (name, country_code) values (?, ?) returning id", name, country).get(0);
    }

    public long anySource() {
        return sql("select min(id) from source").get(0);
    }
}
