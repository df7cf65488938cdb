package org.tradeflows.store;

import static org.tradeflows.sql.Sql.sql;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tradeflows.query.SyntheticRules;
import org.tradeflows.sql.Sql;

/**
 * The data version: a number every committed change to the data bumps (V6__data_version.sql). Caches key on it.
 *
 * <p>{@link #current()} reads it on the caller's thread. {@link #shared()} is for the HTTP answer cache, where every
 * request needs it: one read, on a thread of its own, serves every caller that asked before that read started. A
 * caller that asks while a read is under way waits for the next one, so each caller still sees every change committed
 * before it asked, and under load a burst of requests costs one statement instead of one each.
 */
@ApplicationScoped
public class DataVersion {

    private static final String SQL = "select version from data_version";
    /** The version and, in the same statement, the newest release of real data (what an answer was read from). */
    private static final Sql STATE = sql("""
            select v.version, (select key from data_release where {} order by id desc limit 1)
              from data_version v""", SyntheticRules.REAL_RELEASE);

    /** The data version, and the key of the newest non-synthetic release at that version ("none" before any load). */
    public record State(long version, String release) {
    }

    private final Jdbc jdbc;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tradeflows-data-version");
        t.setDaemon(true);
        return t;
    });
    /** Callers waiting for a read that has not started yet; guarded by this. */
    private CompletableFuture<State> waiting;
    private boolean reading;

    public DataVersion(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.count(SQL, List.of());
    }

    /** The version as read by a statement that started after this call; completes on the reader's thread. */
    public synchronized CompletableFuture<State> shared() {
        if (waiting == null) {
            waiting = new CompletableFuture<>();
        }
        CompletableFuture<State> mine = waiting;
        if (!reading) {
            startRead();
        }
        return mine;
    }

    private void startRead() { // holds the lock
        CompletableFuture<State> batch = waiting;
        waiting = null;
        reading = true;
        reader.execute(() -> {
            try {
                batch.complete(jdbc.one(STATE, rs -> new State(rs.getLong(1),
                        rs.getString(2) == null ? "none" : rs.getString(2))).orElseThrow());
            } catch (RuntimeException | Error e) {
                batch.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    reading = false;
                    if (waiting != null) {
                        startRead();
                    }
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }
}
