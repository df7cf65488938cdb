package org.tradeflows.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load has seen so far: rows read, rejected, skipped and loaded, the rejections themselves (the first
 * {@code listLimit} kept for the report, all written to the rejected-rows file when there is one), skipped rows by
 * reason, ambiguous company matches and the rows written per table.
 */
public final class LoadTally {

    private final int listLimit;
    private final RejectedRowsFile rejectedRows;
    private final List<Rejection> rejections = new ArrayList<>();
    private final Map<String, IngestReport.Skip> skipped = new LinkedHashMap<>();
    private final List<IngestReport.Ambiguity> ambiguities = new ArrayList<>();
    private final Map<String, Long> written = new LinkedHashMap<>();
    private long rowsRead;
    private long rowsRejected;
    private long rowsSkipped;
    private long rowsUnchanged;
    private long rejectionCount;
    private long lastRejectedLine = -1;

    public LoadTally(int listLimit, RejectedRowsFile rejectedRows) {
        this.listLimit = listLimit;
        this.rejectedRows = rejectedRows;
    }

    public void read() {
        rowsRead++;
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** Records one problem with a row; a row with several problems counts once as rejected. */
    public void reject(Rejection r, String record) {
        rejectionCount++;
        if (r.line() != lastRejectedLine) {
            rowsRejected++;
            lastRejectedLine = r.line();
        }
        if (rejections.size() < listLimit) {
            rejections.add(r);
        }
        if (rejectedRows != null) {
            rejectedRows.write(r, record);
        }
    }

    /** Rejects a row found bad after it was staged (a duplicate key found by the database). */
    public void rejectLate(Rejection r) {
        reject(r, null);
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    /** A valid row the format does not load (an aggregate partner, a person on a sanctions list, ...). */
    public void skip(String reason, long line) {
        rowsSkipped++;
        skipped.merge(reason, new IngestReport.Skip(reason, 1, line),
                (a, b) -> new IngestReport.Skip(reason, a.rows() + 1, a.firstLine()));
    }

    public void ambiguous(IngestReport.Ambiguity a) {
        if (ambiguities.size() < listLimit) {
            ambiguities.add(a);
        }
    }

    public void unchanged(long rows) {
        rowsUnchanged += rows;
    }

    public void wrote(String what, long n) {
        written.merge(what, n, Long::sum);
    }

    public long written(String what) {
        return written.getOrDefault(what, 0L);
    }

    IngestReport.Rows rows(boolean written) {
        long valid = rowsRead - rowsRejected - rowsSkipped;
        long loaded = written ? Math.max(0, valid - rowsUnchanged) : 0;
        return new IngestReport.Rows(rowsRead, valid, loaded, written ? rowsUnchanged : 0, rowsSkipped, rowsRejected);
    }

    List<Rejection> rejections() {
        return rejections;
    }

    boolean rejectionsTruncated() {
        return rejectionCount > rejections.size();
    }

    List<IngestReport.Skip> skipped() {
        return List.copyOf(skipped.values());
    }

    List<IngestReport.Ambiguity> ambiguities() {
        return ambiguities;
    }

    Map<String, Long> writtenCounts() {
        return written;
    }
}
