package org.tradeflows.ingest;

import java.sql.Connection;
import java.time.LocalDate;
import org.tradeflows.ingest.input.TextInput;
import org.tradeflows.ingest.reference.ReferenceData;

/** What a format's loader works with: the connection (in the load's transaction), the codes, the tally. */
public final class LoadContext {

    private final Connection connection;
    private final ReferenceData reference;
    private final long sourceId;
    private Long releaseId;
    private final IngestOptions options;
    private final LoadTally tally;
    private final TextInput input;
    private final ProgressListener progress;

    LoadContext(Connection connection, ReferenceData reference, long sourceId, IngestOptions options, LoadTally tally,
            TextInput input, ProgressListener progress) {
        this.connection = connection;
        this.reference = reference;
        this.sourceId = sourceId;
        this.options = options;
        this.tally = tally;
        this.input = input;
        this.progress = progress;
    }

    public Connection connection() {
        return connection;
    }

    public ReferenceData reference() {
        return reference;
    }

    public long sourceId() {
        return sourceId;
    }

    /** The data release the rows are written under; made between reading and writing, once the file is known new. */
    public long releaseId() {
        if (releaseId == null) {
            throw new IllegalStateException("The release is made after the file has been read");
        }
        return releaseId;
    }

    void release(long id) {
        this.releaseId = id;
    }

    public LoadTally tally() {
        return tally;
    }

    public LocalDate today() {
        return options.today();
    }

    /** The delimiters the format's CSV may use. */
    public char[] delimiters() {
        return options.format().delimiters();
    }

    public String formatName() {
        return options.format().title();
    }

    /** Counts a row read and tells the progress listener now and then. */
    public void rowRead() {
        tally.read();
        if ((tally.rowsRead() & 1023) == 0) {
            progress.progress(tally.rowsRead(), input.bytesRead());
        }
    }

    /** Rejects a row for each of its problems. */
    public void reject(RowCheck check, String record) {
        for (Rejection r : check.problems()) {
            tally.reject(r, record);
        }
    }

    /**
     * True while rows are still worth writing: always when keeping the valid rows; in all-or-nothing mode only
     * until the first rejection (the rest of the file is still checked, to report every bad row).
     */
    public boolean writing() {
        return options.keepValid() || tally.rowsRejected() == 0;
    }

    /** The file is the source's whole new edition: figures of the source it no longer has are withdrawn. */
    public boolean replacing() {
        return options.replace();
    }

    public void finished() {
        progress.progress(tally.rowsRead(), input.bytesRead());
    }
}
