package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.AuditEntryRecord;
import org.tradeflows.sql.Sql;

/** Every SQL statement on the audit trail. Entries are only ever added, and marked when undone. */
@ApplicationScoped
public class AuditStore {

    private static final String COLUMNS = "id, at, actor, action, record_type, record_id, before::text as before, "
            + "after::text as after, undoes_id, undone_by_id";

    private final Jdbc jdbc;

    public AuditStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String actor, AuditAction action, String recordType, long recordId, String beforeJson,
            String afterJson, Long undoesId) {
        return jdbc.one(sql("""
                insert into audit_entry (actor, action, record_type, record_id, before, after, undoes_id)
                values ({}, {}, {}, {}, {}::jsonb, {}::jsonb, {}) returning id""",
                value(actor), value(action.name()), value(recordType), value(recordId), value(beforeJson),
                value(afterJson), value(undoesId)), rs -> rs.getLong(1)).orElseThrow();
    }

    public void markUndone(long id, long undoneById) {
        jdbc.update(sql("update audit_entry set undone_by_id = {} where id = {}", value(undoneById), value(id)));
    }

    /** The entry, locked for the caller's transaction so that two undos of it cannot race. */
    public Optional<AuditEntryRecord> lockById(long id) {
        return jdbc.one(sql("select " + COLUMNS + " from audit_entry where id = {} for update", value(id)), AuditStore::map);
    }

    /** The entries with these ids (one statement for a batch of events), in no particular order. */
    public List<AuditEntryRecord> byIds(List<Long> ids) {
        return jdbc.list(sql("select " + COLUMNS + " from audit_entry where id = any({})", value(ids)), AuditStore::map);
    }

    public List<AuditEntryRecord> page(Filter filter, Long beforeId, int limit) {
        return jdbc.list(sql("select " + COLUMNS + " from audit_entry where {} order by id desc limit {}",
                and(where(filter), ifGiven(beforeId, id -> sql("id < {}", value(id)))), value(limit)), AuditStore::map);
    }

    public long count(Filter filter) {
        return jdbc.count(sql("select count(*) from audit_entry where {}", where(filter)));
    }

    /** The id of the newest entry: it changes with every correction (used for cache validation). */
    public long latestId() {
        return jdbc.count(sql("select coalesce(max(id), 0) from audit_entry"));
    }

    private static Sql where(Filter f) {
        if (f == null) {
            return Sql.TRUE;
        }
        return and(
                ifGiven(f.recordType(), type -> sql("record_type = {} and record_id = {}", value(type), value(f.recordId()))),
                ifGiven(f.actions(), actions -> sql("action = any({})", value(actions.stream().map(Enum::name).toList()))),
                ifGiven(f.actor(), actor -> sql("actor = {}", value(actor))));
    }

    /** Conditions on entries, already validated. */
    public record Filter(String recordType, Long recordId, List<AuditAction> actions, String actor) {
    }

    static AuditEntryRecord map(ResultSet rs) throws SQLException {
        return new AuditEntryRecord(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("record_type"), rs.getLong("record_id"),
                rs.getString("before"), rs.getString("after"), Jdbc.longOrNull(rs, "undoes_id"),
                Jdbc.longOrNull(rs, "undone_by_id"));
    }
}
