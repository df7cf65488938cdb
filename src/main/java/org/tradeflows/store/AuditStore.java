package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tradeflows.api.types.AuditEntry;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.GlobalId;
import org.tradeflows.query.Where;

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
        return jdbc.one("""
                insert into audit_entry (actor, action, record_type, record_id, before, after, undoes_id)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) returning id""",
                java.util.Arrays.asList(actor, action.name(), recordType, recordId, beforeJson, afterJson, undoesId),
                rs -> rs.getLong(1)).orElseThrow();
    }

    public void markUndone(long id, long undoneById) {
        jdbc.update("update audit_entry set undone_by_id = ? where id = ?", List.of(undoneById, id));
    }

    /** The entry, locked for the caller's transaction so that two undos of it cannot race. */
    public Optional<Row> lockById(long id) {
        return jdbc.one("select " + COLUMNS + " from audit_entry where id = ? for update", List.of(id), AuditStore::row);
    }

    public List<AuditEntry> page(Filter filter, Long beforeId, int limit) {
        Where w = where(filter);
        w.andIf(beforeId, "id < ?", beforeId);
        return jdbc.list("select " + COLUMNS + " from audit_entry where " + w.sql() + " order by id desc limit ?",
                w.params(limit), rs -> entry(row(rs)));
    }

    public long count(Filter filter) {
        Where w = where(filter);
        return jdbc.count("select count(*) from audit_entry where " + w.sql(), w.params());
    }

    /** The id of the newest entry: it changes with every correction (used for cache validation). */
    public long latestId() {
        return jdbc.count("select coalesce(max(id), 0) from audit_entry", List.of());
    }

    private static Where where(Filter f) {
        Where w = new Where();
        if (f == null) {
            return w;
        }
        w.andIf(f.recordType(), "record_type = ? and record_id = ?", f.recordType(), f.recordId());
        w.andIf(f.actions(), "action = any(?)", f.actions() == null ? null : f.actions().stream().map(Enum::name).toList());
        w.andIf(f.actor(), "actor = ?", f.actor());
        return w;
    }

    /** Conditions on entries, already validated. */
    public record Filter(String recordType, Long recordId, List<AuditAction> actions, String actor) {
    }

    /** An entry as stored. */
    public record Row(long id, OffsetDateTime at, String actor, AuditAction action, String recordType, long recordId,
            String before, String after, Long undoesId, Long undoneById) {
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("record_type"), rs.getLong("record_id"),
                rs.getString("before"), rs.getString("after"), Jdbc.longOrNull(rs, "undoes_id"),
                Jdbc.longOrNull(rs, "undone_by_id"));
    }

    public static AuditEntry entry(Row r) {
        return new AuditEntry(GlobalId.of("AuditEntry", r.id()), r.at(), r.actor(), r.action(), r.recordType(),
                GlobalId.of(r.recordType(), r.recordId()), r.before(), r.after(),
                r.undoesId() == null ? null : GlobalId.of("AuditEntry", r.undoesId()),
                r.undoneById() == null ? null : GlobalId.of("AuditEntry", r.undoneById()));
    }
}
