package org.tradeflows.export;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.Field;
import org.postgresql.core.Tuple;

/**
 * Reads an export's rows one batch ahead on a thread of its own, so that PostgreSQL computes and sends the next batch
 * while the format's writer encodes this one (with a fetch size the database otherwise waits, idle, for every batch to
 * be written before it is asked for the next).
 *
 * <p>The reader only takes each row's bytes as the driver received them ({@code getBytes} returns them untouched for
 * every type but bytea, which exports never carry); the writer reads each batch through a result set the driver makes
 * over those bytes, so every getter decodes exactly as it would on the live result. At most {@link #AHEAD} batches wait
 * at a time, so memory stays flat. A failure of the reader reaches the writer as the SQLException it was; a writer that
 * stops early cancels the statement and waits for the reader, so the connection is never used by two threads once
 * {@link #close} returns.
 */
final class ReadAhead implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReadAhead.class);
    /** Batches read ahead of the writer: one being filled, {@value} waiting. */
    private static final int AHEAD = 2;
    private static final Object END = new Object();

    private final ResultSet live;
    private final PreparedStatement statement;
    private final BaseStatement driver;
    private final Field[] fields;
    private final int batchRows;
    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(AHEAD);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private boolean ended;

    private ReadAhead(ResultSet live, PreparedStatement statement, BaseStatement driver, Field[] fields, int batchRows) {
        this.live = live;
        this.statement = statement;
        this.driver = driver;
        this.fields = fields;
        this.batchRows = batchRows;
    }

    /**
     * Starts reading ahead on one of {@code readers}' threads, or answers null when this result cannot be read that way
     * (not PostgreSQL's driver, or a bytea column), and the caller reads it as it is.
     */
    static ReadAhead start(ResultSet live, PreparedStatement statement, int batchRows, ExecutorService readers)
            throws SQLException {
        if (!live.getMetaData().isWrapperFor(PGResultSetMetaData.class) || !statement.isWrapperFor(BaseStatement.class)
                || !statement.getConnection().isWrapperFor(BaseConnection.class)) {
            return null;
        }
        for (int i = 1; i <= live.getMetaData().getColumnCount(); i++) {
            int type = live.getMetaData().getColumnType(i);
            if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
                return null;
            }
        }
        Field[] fields = fieldsOf(live.getMetaData(), statement.getConnection().unwrap(BaseConnection.class));
        for (Field f : fields) {
            if (f.getOID() == 0) { // a type the driver's cache does not name: read the result as it is
                return null;
            }
        }
        ReadAhead ahead = new ReadAhead(live, statement, statement.unwrap(BaseStatement.class), fields, batchRows);
        readers.execute(ahead::read);
        return ahead;
    }

    /**
     * The driver's description of the result's columns, as its own result sets over received rows need it: each
     * column's type (by name, through the connection's type cache, which the metadata calls above have filled) and
     * wire format (text or binary).
     */
    private static Field[] fieldsOf(ResultSetMetaData meta, BaseConnection connection) throws SQLException {
        PGResultSetMetaData pg = meta.unwrap(PGResultSetMetaData.class);
        Field[] fields = new Field[meta.getColumnCount()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new Field(meta.getColumnLabel(i + 1), connection.getTypeInfo().getPGType(meta.getColumnTypeName(i + 1)));
            fields[i].setFormat(pg.getFormat(i + 1));
        }
        return fields;
    }

    /** The next batch of rows, positioned before its first, or null after the last. */
    ResultSet next() throws SQLException {
        if (ended) {
            return null;
        }
        Object batch;
        try {
            batch = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("The export was interrupted", "57014", e);
        }
        if (batch == END) {
            ended = true;
            return null;
        }
        if (batch instanceof SQLException failure) {
            ended = true;
            throw new SQLException(failure.getMessage(), failure.getSQLState(), failure);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = (List<Tuple>) batch;
        return driver.createDriverResultSet(fields, tuples);
    }

    private void read() {
        try {
            int columns = fields.length;
            List<Tuple> batch = new ArrayList<>(batchRows);
            while (!closing && live.next()) {
                byte[][] row = new byte[columns][];
                for (int i = 0; i < columns; i++) {
                    row[i] = live.getBytes(i + 1);
                }
                batch.add(new Tuple(row));
                if (batch.size() == batchRows) {
                    hand(batch);
                    batch = new ArrayList<>(batchRows);
                }
            }
            if (!batch.isEmpty()) {
                hand(batch);
            }
            hand(END);
        } catch (SQLException e) {
            hand(e);
        } catch (RuntimeException | Error e) { // the writer must never wait for ever for a batch
            hand(new SQLException("Reading the export's rows failed", "XX000", e));
        } finally {
            stopped.countDown();
        }
    }

    /** Queues a batch (or the end, or a failure) for the writer; gives up when the writer has stopped. */
    private void hand(Object item) {
        try {
            while (!closing) {
                if (batches.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the reader and waits for it: a reader still fetching has its statement cancelled. The caller may use the
     * connection again once this returns.
     */
    @Override
    public void close() {
        closing = true;
        if (stopped.getCount() > 0) {
            try {
                if (!stopped.await(50, TimeUnit.MILLISECONDS)) {
                    statement.cancel();
                }
            } catch (SQLException e) {
                LOG.debugf("Could not cancel an export's statement: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.clear();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        batches.clear();
    }
}
