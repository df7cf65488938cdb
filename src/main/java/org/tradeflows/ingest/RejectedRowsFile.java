package org.tradeflows.ingest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rejected rows of a load, written as they are found (so memory stays flat however many there are): a CSV
 * file with the line, column and reason of each problem and the original record.
 */
public final class RejectedRowsFile implements Closeable {

    private final Path path;
    private final CSVPrinter printer;
    private long written;
    private boolean closed;

    public RejectedRowsFile(Path path) throws IOException {
        this.path = path;
        BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("line", "column", "reason", "value",
                "record").get());
    }

    public Path path() {
        return path;
    }

    public long written() {
        return written;
    }

    void write(Rejection r, String record) {
        try {
            printer.printRecord(r.line(), r.column(), r.reason(), r.value(), record);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            printer.close(true);
        }
    }
}
