package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tradeflows.store.Jdbc;

/**
 * The source column of each kind of record that has one, as fixed statements per kind: the kind comes from an
 * enum, never from the request's text.
 */
@ApplicationScoped
public class SourceLinkSql {

    /** Records that cite a source, with the fixed statements that read and set it. */
    public enum Kind {
        COMPANY("Company", "select source_id from company where id = ? and merged_into_id is null for update",
                "update company set source_id = ? where id = ?"),
        SANCTION("Sanction", "select source_id from sanction where id = ? for update",
                "update sanction set source_id = ? where id = ?"),
        FINDING("Finding", "select source_id from finding where id = ? for update",
                "update finding set source_id = ? where id = ?"),
        TRADE_VOLUME("TradeVolume", "select source_id from trade_volume where id = ? for update",
                "update trade_volume set source_id = ? where id = ?");

        private final String type;
        private final String lock;
        private final String set;

        Kind(String type, String lock, String set) {
            this.type = type;
            this.lock = lock;
            this.set = set;
        }

        public static Optional<Kind> of(String type) {
            return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
        }
    }

    /** A record's present source. */
    public record Link(Long sourceId) {
    }

    private final Jdbc jdbc;

    public SourceLinkSql(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Link> lock(Kind kind, long id) {
        return jdbc.one(kind.lock, List.of(id), rs -> new Link(Jdbc.longOrNull(rs, "source_id")));
    }

    public void set(Kind kind, long id, long sourceId) {
        jdbc.update(kind.set, List.of(sourceId, id));
    }
}
