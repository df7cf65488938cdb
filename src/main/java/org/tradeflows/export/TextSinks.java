package org.tradeflows.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The two text formats: CSV with a header row (RFC 4180), and newline-delimited JSON objects with a trailer line. */
final class TextSinks {

    private static final JsonFactory JSON = new JsonFactory();

    private TextSinks() {
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    /** Text cells that could run as spreadsheet formulas are neutralised; booleans are written true/false. */
    static RowSink csv(OutputStream out, List<ColumnType> columns) throws IOException {
        Writer writer = writer(out);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(ColumnType::name).toArray(String[]::new)).get());
        return new RowSink() {
            @Override
            public void row(ResultSet rs) throws SQLException, IOException {
                for (int i = 1; i <= columns.size(); i++) {
                    ColumnType type = columns.get(i - 1);
                    if (type.kind() == ColumnType.Kind.BOOLEAN) {
                        boolean b = rs.getBoolean(i);
                        csv.print(rs.wasNull() ? null : Boolean.toString(b));
                    } else {
                        String value = rs.getString(i);
                        csv.print(type.typed() ? value : SpreadsheetFormulas.neutralise(value));
                    }
                }
                csv.println();
            }

            @Override
            public void finish(long rows) throws IOException {
                csv.flush();
                writer.flush();
            }
        };
    }

    /** Numbers and booleans typed; the last line is {"_trailer":{"rows":N,"complete":true}}. */
    static RowSink ndjson(OutputStream out, List<ColumnType> columns) throws IOException {
        Writer writer = writer(out);
        JsonGenerator g = JSON.createGenerator(writer);
        g.setRootValueSeparator(null);
        return new RowSink() {
            @Override
            public void row(ResultSet rs) throws SQLException, IOException {
                g.writeStartObject();
                for (int i = 1; i <= columns.size(); i++) {
                    ColumnType type = columns.get(i - 1);
                    g.writeFieldName(type.name());
                    String text = rs.getString(i);
                    if (text == null) {
                        g.writeNull();
                    } else if (type.kind() == ColumnType.Kind.BOOLEAN) {
                        g.writeBoolean(rs.getBoolean(i));
                    } else if (type.typed()) {
                        g.writeNumber(text);
                    } else {
                        g.writeString(text);
                    }
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }

            @Override
            public void finish(long rows) throws IOException {
                g.writeStartObject();
                g.writeObjectFieldStart(ExportStreamer.NDJSON_TRAILER_FIELD);
                g.writeNumberField("rows", rows);
                g.writeBooleanField("complete", true);
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
                g.flush();
                writer.flush();
            }
        };
    }
}
