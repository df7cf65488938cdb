package org.tradeflows.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Every SQL statement that writes curated topics and their products (the reference data's loader writes them; the
 * reads are ProductStore's, with the HS tree they join).
 */
public final class TopicStore {

    private TopicStore() {
    }

    /**
     * Records the topic by its key on the loader's connection and replaces its products (code → note, in the order
     * given) in one batch; the topic's id.
     */
    public static long replace(Connection c, String key, String name, String description, long sourceId,
            Map<String, String> products) throws SQLException {
        long topicId;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into topic (key, name, description, source_id) values (?, ?, ?, ?)
                on conflict (key) do update set name = excluded.name, description = excluded.description,
                    source_id = excluded.source_id
                returning id""")) {
            ps.setString(1, key);
            ps.setString(2, name);
            ps.setString(3, description);
            ps.setLong(4, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                topicId = rs.getLong(1);
            }
        }
        try (PreparedStatement delete = c.prepareStatement("delete from topic_product where topic_id = ?")) {
            delete.setLong(1, topicId);
            delete.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into topic_product (topic_id, product_code, note) values (?, ?, ?)")) {
            for (var e : products.entrySet()) {
                ps.setLong(1, topicId);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return topicId;
    }
}
