package org.tradeflows.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A source as described in a dataset file or by a curator; upserted by its key so that reloading changes nothing
 * (an existing source is updated in place, so no id is drawn from the sequence for it).
 */
public record SourceSpec(String key, String kind, String title, String publisher, String url, LocalDate publishedOn,
        String licence, String citation, String note) {

    public long upsert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update source set kind = ?, title = ?, publisher = ?, url = ?, published_on = ?, licence = ?,
                    citation = ?, note = ?
                where key = ? returning id""")) {
            ps.setString(1, kind);
            ps.setString(2, title);
            ps.setString(3, publisher);
            ps.setString(4, url);
            ps.setObject(5, publishedOn);
            ps.setString(6, licence);
            ps.setString(7, citation);
            ps.setString(8, note);
            ps.setString(9, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into source (key, kind, title, publisher, url, published_on, licence, citation, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (key) do update set kind = excluded.kind, title = excluded.title,
                    publisher = excluded.publisher, url = excluded.url, published_on = excluded.published_on,
                    licence = excluded.licence, citation = excluded.citation, note = excluded.note
                returning id""")) {
            ps.setString(1, key);
            ps.setString(2, kind);
            ps.setString(3, title);
            ps.setString(4, publisher);
            ps.setString(5, url);
            ps.setObject(6, publishedOn);
            ps.setString(7, licence);
            ps.setString(8, citation);
            ps.setString(9, note);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The id of the source with this key, if there is one. */
    public static Optional<Long> idOf(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from source where key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
