package org.tradeflows.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** A source as described in a dataset file; upserted by its key so that reloading changes nothing. */
record SourceSpec(String key, String kind, String title, String publisher, String url, LocalDate publishedOn,
        String licence, String citation, String note) {

    long upsert(Connection c) throws SQLException {
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
}
