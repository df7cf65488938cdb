package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.DueDeliveryRecord;
import org.tradeflows.model.WebhookAttemptRecord;
import org.tradeflows.model.WebhookDeliveryRecord;
import org.tradeflows.model.WebhookRecord;
import org.tradeflows.sql.Sql;

/**
 * Every SQL statement on webhook, webhook_delivery and webhook_attempt. Deliveries are made by a trigger on live_event
 * (V29); here they are claimed for sending (under a lease, rows locked with skip locked so instances never take the
 * same one) and their attempts recorded.
 */
@ApplicationScoped
public class WebhookStore {

    private static final String HOOK = "id, hash, variables, url, key_id, created_by, created_at, failing_since";
    private static final String DELIVERY = "id, webhook_id, event_seq, status, attempts, next_attempt_at, created_at, finished_at";

    private final Jdbc jdbc;

    public WebhookStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public WebhookRecord insert(String hash, String variables, String url, String secret, Long keyId, String createdBy) {
        return jdbc.one("insert into webhook (hash, variables, url, secret, key_id, created_by) values (?, ?, ?, ?, ?, ?) "
                + "returning " + HOOK, Arrays.asList(hash, variables, url, secret, keyId, createdBy), WebhookStore::hook)
                .orElseThrow();
    }

    /** Hooks made with this key (null: the bootstrap admin key). */
    public long countOfKey(Long keyId) {
        return jdbc.count(sql("select count(*) from webhook where {}", ofKey(keyId)));
    }

    public Optional<WebhookRecord> byId(long id) {
        return jdbc.one(sql("select " + HOOK + " from webhook where id = {}", value(id)), WebhookStore::hook);
    }

    /** Hooks in the order they were made; only those of {@code onlyKey} when given. */
    public List<WebhookRecord> page(Long onlyKey, Long afterId, int limit) {
        return jdbc.list(sql("select " + HOOK + " from webhook where {} order by id limit {}",
                and(ifGiven(onlyKey, k -> sql("key_id = {}", value(k))), ifGiven(afterId, a -> sql("id > {}", value(a)))),
                value(limit)), WebhookStore::hook);
    }

    public long count(Long onlyKey) {
        return jdbc.count(sql("select count(*) from webhook where {}", and(ifGiven(onlyKey, k -> sql("key_id = {}", value(k))))));
    }

    /** Deletes a hook with its deliveries and their attempts; empty when it was gone already. */
    public Optional<WebhookRecord> delete(long id) {
        return jdbc.one(sql("delete from webhook where id = {} returning " + HOOK, value(id)), WebhookStore::hook);
    }

    /** A hook's deliveries, newest first; only those of the status when given. */
    public List<WebhookDeliveryRecord> deliveries(long webhookId, String status, Long beforeId, int limit) {
        return jdbc.list(sql("select " + DELIVERY + " from webhook_delivery where {} order by id desc limit {}",
                deliveriesOf(webhookId, status, beforeId), value(limit)), WebhookStore::delivery);
    }

    public long deliveryCount(long webhookId, String status) {
        return jdbc.count(sql("select count(*) from webhook_delivery where {}", deliveriesOf(webhookId, status, null)));
    }

    /** The attempts of these deliveries (one statement for a page of them), in order of delivery and number. */
    public List<WebhookAttemptRecord> attempts(List<Long> deliveryIds) {
        return jdbc.list(sql("select delivery_id, number, started_at, duration_ms, status_code, error from webhook_attempt "
                + "where delivery_id = any({}) order by delivery_id, number", value(deliveryIds)), rs -> new WebhookAttemptRecord(
                        rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class), rs.getInt(4),
                        Jdbc.intOrNull(rs, "status_code"), rs.getString(6)));
    }

    /**
     * Claims up to {@code limit} deliveries that are due, oldest first, for {@code lease}: no other instance (or poll)
     * takes them meanwhile, and one whose sender died is taken again once the lease has run out.
     */
    public List<DueDeliveryRecord> claimDue(int limit, Duration lease) {
        return jdbc.list("""
                with claimed as (
                    update webhook_delivery d set claimed_until = clock_timestamp() + ?::interval
                     where d.id in (select id from webhook_delivery
                                     where status = 'PENDING' and next_attempt_at <= clock_timestamp()
                                       and (claimed_until is null or claimed_until < clock_timestamp())
                                     order by next_attempt_at, id limit ? for update skip locked)
                    returning d.id, d.webhook_id, d.event_seq, d.attempts, d.event)
                select c.id, c.webhook_id, c.event_seq, c.attempts, c.event::text, w.url, w.secret, w.hash, w.variables
                  from claimed c join webhook w on w.id = c.webhook_id order by c.id""",
                List.of(lease.toMillis() + " milliseconds", limit), rs -> new DueDeliveryRecord(rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)));
    }

    /**
     * Records attempt {@code number} of a claimed delivery and its outcome: delivered (its hook no longer failing),
     * to be tried again at {@code retryAt}, or, when {@code retryAt} is null after a failure, dead (its hook failing).
     * Nothing is recorded when the attempt was recorded already (a lease that ran out while this one was sending).
     */
    @Transactional
    public boolean recordAttempt(DueDeliveryRecord d, int number, OffsetDateTime startedAt, int durationMs,
            Integer statusCode, String error, OffsetDateTime retryAt) {
        boolean delivered = error == null;
        int updated = jdbc.update("""
                update webhook_delivery set attempts = ?, claimed_until = null,
                       status = case when ? then 'DELIVERED' when ?::timestamptz is null then 'DEAD' else 'PENDING' end,
                       next_attempt_at = case when ? then null else ?::timestamptz end,
                       finished_at = case when ? or ?::timestamptz is null then clock_timestamp() end
                 where id = ? and attempts = ? and status = 'PENDING'""",
                Arrays.asList(number, delivered, retryAt, delivered, retryAt, delivered, retryAt, d.id(), number - 1));
        if (updated == 0) {
            return false;
        }
        jdbc.update("insert into webhook_attempt (delivery_id, number, started_at, duration_ms, status_code, error) "
                + "values (?, ?, ?, ?, ?, ?)", Arrays.asList(d.id(), number, startedAt, durationMs, statusCode, error));
        if (delivered) {
            jdbc.update("update webhook set failing_since = null where id = ? and failing_since is not null", List.of(d.webhookId()));
        } else if (retryAt == null) {
            jdbc.update("update webhook set failing_since = clock_timestamp() where id = ? and failing_since is null",
                    List.of(d.webhookId()));
        }
        return true;
    }

    private static Sql ofKey(Long keyId) {
        return keyId == null ? sql("key_id is null") : sql("key_id = {}", value(keyId));
    }

    private static Sql deliveriesOf(long webhookId, String status, Long beforeId) {
        return and(sql("webhook_id = {}", value(webhookId)), ifGiven(status, s -> sql("status = {}", value(s))),
                ifGiven(beforeId, b -> sql("id < {}", value(b))));
    }

    static WebhookRecord hook(ResultSet rs) throws SQLException {
        return new WebhookRecord(rs.getLong("id"), rs.getString("hash"), rs.getString("variables"), rs.getString("url"),
                Jdbc.longOrNull(rs, "key_id"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("failing_since", OffsetDateTime.class));
    }

    static WebhookDeliveryRecord delivery(ResultSet rs) throws SQLException {
        return new WebhookDeliveryRecord(rs.getLong("id"), rs.getLong("webhook_id"), rs.getLong("event_seq"),
                rs.getString("status"), rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    }
}
