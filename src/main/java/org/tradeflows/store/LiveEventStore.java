package org.tradeflows.store;

import static org.tradeflows.sql.Sql.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.LiveEventRecord;
import org.tradeflows.model.WatchedAnswerRecord;

/**
 * Every SQL statement on live_outbox, live_event and live_answer. Events get their sequence numbers only here, one
 * batch at a time under a transaction-level advisory lock, so numbers follow commit order on every replica: a
 * subscriber reading "everything after N" never skips an event that commits later with a smaller number.
 */
@ApplicationScoped
public class LiveEventStore {

    /** The advisory lock (any constant) every writer of live_event takes first. */
    private static final long WRITER_LOCK = 0x7466_6c69_7665L; // "tflive"
    private static final String COLUMNS = "seq, kind, subject, payload::text, created_at";

    private final Jdbc jdbc;

    public LiveEventStore(Jdbc jdbc) {
        this.jdbc = jdbc; // the live hub polls it inside Jdbc.background: not the read path the statement counter measures
    }

    /** Whether a committed release or sanction waits to become an event (a cheap read, made every poll). */
    public boolean outboxWaiting() {
        return jdbc.count("select count(*) from (select 1 from live_outbox limit 1) x", List.of()) > 0;
    }

    /**
     * Turns every committed row of the outbox into an event, in the order they were queued: releases with their
     * provenance, sanctions with their company's name and country, curators' corrections with their audit entry. Rows of transactions still open stay for the next
     * call. Returns the events written.
     */
    @Transactional
    public List<LiveEventRecord> publishOutbox() {
        jdbc.count("select count(*) from (select pg_advisory_xact_lock(?)) x", List.of(WRITER_LOCK));
        return jdbc.list(sql("""
                with taken as (delete from live_outbox returning id, kind, subject_id),
                made as (
                    insert into live_event (kind, subject, payload)
                    select case t.kind when 'RELEASE' then 'RELEASE_PUBLISHED' when 'SANCTION' then 'SANCTION_RECORDED'
                                else 'CORRECTION_RECORDED' end,
                           t.subject_id::text,
                           case t.kind when 'RELEASE' then jsonb_build_object('releaseId', r.id, 'synthetic', r.synthetic)
                                when 'SANCTION' then jsonb_build_object('sanctionId', s.id, 'companyId', s.company_id)
                                else jsonb_build_object('auditId', a.id, 'action', a.action, 'recordType', a.record_type,
                                                        'recordId', a.record_id) end
                      from taken t
                      left join data_release r on t.kind = 'RELEASE' and r.id = t.subject_id
                      left join sanction s on t.kind = 'SANCTION' and s.id = t.subject_id
                      left join audit_entry a on t.kind = 'CORRECTION' and a.id = t.subject_id
                     where r.id is not null or s.id is not null or a.id is not null
                     order by t.id
                    returning {})
                select * from made order by seq""", sql(COLUMNS)), LiveEventStore::map);
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<LiveEventRecord> after(long afterSeq, int limit) {
        return jdbc.list("select " + COLUMNS + " from live_event where seq > ? order by seq limit ?",
                List.of(afterSeq, limit), LiveEventStore::map);
    }

    /** The newest event's number (0 when there is none). */
    public long lastSeq() {
        return jdbc.count("select coalesce(max(seq), 0) from live_event", List.of());
    }

    /** The oldest event still kept (0 when there is none). */
    public long firstSeq() {
        return jdbc.count("select coalesce(min(seq), 0) from live_event", List.of());
    }

    /** Deletes events older than the retention; how many. */
    public int prune(Duration retention) {
        return jdbc.update("delete from live_event where created_at < clock_timestamp() - ?::interval",
                List.of(retention.toSeconds() + " seconds"));
    }

    /** The watched answer of a persisted query with its variables (canonical JSON), if anyone watches it. */
    public Optional<WatchedAnswerRecord> watched(String hash, String variables) {
        return jdbc.one("select hash, variables, answer::text, checked_seq, watched_until from live_answer "
                + "where hash = ? and variables = ?", List.of(hash, variables), LiveEventStore::mapAnswer);
    }

    /** How many answers are watched now. */
    public long watchedCount() {
        return jdbc.count("select count(*) from live_answer where watched_until > clock_timestamp()", List.of());
    }

    /** Watches an answer until the given time (a new watch has no answer yet; a renewed one keeps its own). */
    public void watch(String hash, String variables, OffsetDateTime until) {
        jdbc.update("""
                insert into live_answer (hash, variables, checked_seq, watched_until) values (?, ?, 0, ?)
                on conflict (hash, variables) do update set watched_until = greatest(live_answer.watched_until,
                    excluded.watched_until)""", Arrays.asList(hash, variables, until));
    }

    /** Renews, until the given time, the watch of every answer a webhook follows (and watches those not watched yet). */
    public void watchHooked(OffsetDateTime until) {
        jdbc.update("""
                insert into live_answer (hash, variables, checked_seq, watched_until)
                select distinct hash, variables, 0, ?::timestamptz from webhook
                on conflict (hash, variables) do update set watched_until = greatest(live_answer.watched_until,
                    excluded.watched_until)""", List.of(until));
    }

    /** Watches without an answer yet. */
    public List<WatchedAnswerRecord> withoutAnswer() {
        return jdbc.list("select hash, variables, answer::text, checked_seq, watched_until from live_answer "
                + "where answer is null and watched_until > clock_timestamp() order by hash, variables", List.of(),
                LiveEventStore::mapAnswer);
    }

    /** Records the first answer of a watch, read after event {@code seq}. */
    public void baseline(String hash, String variables, String answer, long seq) {
        jdbc.update("update live_answer set answer = ?::jsonb, checked_seq = ? where hash = ? and variables = ? "
                + "and answer is null", List.of(answer, seq, hash, variables));
    }

    /** Watched answers not yet compared after release event {@code seq}. */
    public List<WatchedAnswerRecord> uncheckedBefore(long seq) {
        return jdbc.list("select hash, variables, answer::text, checked_seq, watched_until from live_answer "
                + "where answer is not null and checked_seq < ? and watched_until > clock_timestamp() order by hash, variables",
                List.of(seq), LiveEventStore::mapAnswer);
    }

    /** Deletes watches nobody renewed. */
    public int forgetUnwatched() {
        return jdbc.update("delete from live_answer where watched_until < clock_timestamp()", List.of());
    }

    /**
     * Records the comparison of a watched answer after release event {@code seq}: when {@code changedPayload} is not
     * null, the new answer and an ANSWER_CHANGED event carrying it. Only the first replica to compare it after that
     * event records anything (the row is updated only while its checked_seq is older); empty when another did.
     */
    @Transactional
    public Optional<LiveEventRecord> recordCheck(WatchedAnswerRecord watched, long seq, String newAnswer, String changedPayload) {
        jdbc.count("select count(*) from (select pg_advisory_xact_lock(?)) x", List.of(WRITER_LOCK));
        int updated = jdbc.update("update live_answer set checked_seq = ?, answer = coalesce(?::jsonb, answer) "
                + "where hash = ? and variables = ? and checked_seq < ?",
                Arrays.asList(seq, changedPayload == null ? null : newAnswer, watched.hash(), watched.variables(), seq));
        if (updated == 0 || changedPayload == null) {
            return Optional.empty();
        }
        return jdbc.one("insert into live_event (kind, subject, payload) values ('ANSWER_CHANGED', ?, ?::jsonb) returning "
                + COLUMNS, List.of(watched.hash() + " " + watched.variables(), changedPayload), LiveEventStore::map);
    }

    static LiveEventRecord map(ResultSet rs) throws SQLException {
        return new LiveEventRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class));
    }

    static WatchedAnswerRecord mapAnswer(ResultSet rs) throws SQLException {
        return new WatchedAnswerRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getObject(5, OffsetDateTime.class));
    }
}
