package org.tradeflows.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.postgresql.PGResultSetMetaData;
import org.xerial.snappy.Snappy;

/**
 * Parquet, written with parquet-java straight to the response: row groups of {@value #ROW_GROUP_BYTES} bytes at most,
 * so memory stays flat for any row count, Snappy-compressed pages, dictionary encoding where values repeat. Decimals are
 * DECIMAL with their scale (INT64 up to 18 digits, else the fewest fixed bytes that hold the precision: 9 for
 * numeric(20, 2)), dates DATE, codes UTF-8 strings, booleans BOOLEAN. Values are taken from the driver's text bytes
 * where it received text (strings as they came, plain numbers and ISO dates parsed here) and through JDBC otherwise.
 * The footer — and with it the key-value metadata (release, filter, column descriptions, and the citations of the
 * sources the rows came from, known only at the end) — is written by {@link #finish} alone: a failed export is never a
 * readable Parquet file.
 */
final class ParquetSink implements RowSink {

    static final int ROW_GROUP_BYTES = 8 * 1024 * 1024;
    static final int PAGE_BYTES = 256 * 1024;
    /**
     * A column's dictionary stops growing here and the rest of its row group is written plain: the columns that repeat
     * (countries, currencies, qualifiers, units, sources) stay far below it; for the many-valued ones a bigger
     * dictionary costs more hashing than it saves (most of the writer's time went to its hash lookups with 1 MB).
     */
    static final int DICTIONARY_BYTES = 128 * 1024;
    /** Columns with a different value on every row: a dictionary could only fill up and be dropped. */
    static final Set<String> UNIQUE = Set.of("id", "source_record_ref");
    /** SQL types whose text bytes are the value itself (UTF-8 on a PostgreSQL connection). */
    private static final Set<Integer> STRINGS = Set.of(java.sql.Types.VARCHAR, java.sql.Types.CHAR,
            java.sql.Types.LONGVARCHAR, java.sql.Types.NVARCHAR, java.sql.Types.NCHAR, java.sql.Types.LONGNVARCHAR);

    private final ParquetWriter<ResultSet> writer;
    private final Rows rows;

    private ParquetSink(ParquetWriter<ResultSet> writer, Rows rows) {
        this.writer = writer;
        this.rows = rows;
    }

    /**
     * @param citations the citation of each source key seen in a {@code source} column, looked up when the file ends
     */
    static ParquetSink open(OutputStream out, List<ColumnType> columns, ExportMetadata metadata,
            Function<Set<String>, Map<String, String>> citations) throws IOException {
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (ColumnType c : columns) {
            schema.addField(field(c));
        }
        Rows rows = new Rows(schema.named("row"), columns, metadata.entries(columns.stream().map(ColumnType::name).toList()),
                citations);
        Builder builder = new Builder(new StreamOutputFile(out), rows)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(SnappyOnly.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withDictionaryEncoding(true)
                .withDictionaryPageSize(DICTIONARY_BYTES);
        for (ColumnType c : columns) {
            if (UNIQUE.contains(c.name())) {
                builder.withDictionaryEncoding(c.name(), false);
            }
        }
        ParquetWriter<ResultSet> writer = builder.build();
        return new ParquetSink(writer, rows);
    }

    private static Type field(ColumnType c) {
        return switch (c.kind()) {
            case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
            case INT32 -> Types.optional(PrimitiveTypeName.INT32).named(c.name());
            case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(c.name());
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(c.name());
            case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(c.name());
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
            case DECIMAL -> c.precision() <= 18
                    ? Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.decimalType(c.scale(), c.precision())).named(c.name())
                    : Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(PgText.decimalBytes(c.precision()))
                            .as(LogicalTypeAnnotation.decimalType(c.scale(), c.precision())).named(c.name());
        };
    }

    @Override
    public void row(ResultSet rs) throws IOException {
        writer.write(rs);
        if (rows.failure != null) {
            throw rows.failure;
        }
    }

    @Override
    public void finish(long count) throws IOException {
        writer.close(); // the last row group and the footer
    }

    /** Writes one result row as one Parquet record; collects the source keys for the footer's citations. */
    private static final class Rows extends WriteSupport<ResultSet> {
        private final MessageType schema;
        private final List<ColumnType> columns;
        private final Map<String, String> entries;
        private final Function<Set<String>, Map<String, String>> citations;
        private final int sourceColumn;
        private final Set<String> sources = new LinkedHashSet<>();
        private RecordConsumer out;
        private Cell[] cells;
        private byte[] lastSource;
        private IOException failure;

        Rows(MessageType schema, List<ColumnType> columns, Map<String, String> entries,
                Function<Set<String>, Map<String, String>> citations) {
            this.schema = schema;
            this.columns = columns;
            this.entries = entries;
            this.citations = citations;
            this.sourceColumn = columns.stream().map(ColumnType::name).toList().indexOf("source");
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, entries);
        }

        /** Parquet still declares the Hadoop variant abstract (and deprecated); this service never calls it. */
        @Deprecated
        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, entries);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(ResultSet rs) {
            try {
                if (cells == null) {
                    cells = cells(rs.getMetaData());
                }
                out.startMessage();
                for (int i = 0; i < cells.length; i++) {
                    cells[i].write(rs, i + 1);
                }
                out.endMessage();
            } catch (SQLException e) {
                failure = new IOException("reading the row failed", e);
            }
        }

        /** How each column's value is read and written, chosen once for the result (its wire format is fixed). */
        private Cell[] cells(ResultSetMetaData meta) throws SQLException {
            PGResultSetMetaData pg = meta.isWrapperFor(PGResultSetMetaData.class) ? meta.unwrap(PGResultSetMetaData.class)
                    : null;
            Cell[] cells = new Cell[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                boolean text = pg != null && pg.getFormat(i + 1) == 0; // the driver holds the value's text bytes
                cells[i] = cell(columns.get(i), i, text && STRINGS.contains(meta.getColumnType(i + 1)), text);
            }
            return cells;
        }

        private Cell cell(ColumnType c, int index, boolean utf8, boolean text) {
            String name = c.name();
            return switch (c.kind()) {
                case TEXT -> utf8 ? (rs, col) -> {
                    byte[] v = rs.getBytes(col); // the text's UTF-8 bytes as received: no String on the way
                    if (v != null) {
                        if (index == sourceColumn) {
                            source(v);
                        }
                        field(name, index);
                        out.addBinary(Binary.fromConstantByteArray(v));
                        end(name, index);
                    }
                } : (rs, col) -> {
                    String v = rs.getString(col);
                    if (v != null) {
                        if (index == sourceColumn) {
                            sources.add(v);
                        }
                        field(name, index);
                        out.addBinary(Binary.fromString(v));
                        end(name, index);
                    }
                };
                case BOOLEAN -> (rs, col) -> {
                    boolean v = rs.getBoolean(col);
                    if (!rs.wasNull()) {
                        field(name, index);
                        out.addBoolean(v);
                        end(name, index);
                    }
                };
                case INT32 -> (rs, col) -> {
                    int v = rs.getInt(col);
                    if (!rs.wasNull()) {
                        field(name, index);
                        out.addInteger(v);
                        end(name, index);
                    }
                };
                case INT64 -> (rs, col) -> {
                    long v = rs.getLong(col);
                    if (!rs.wasNull()) {
                        field(name, index);
                        out.addLong(v);
                        end(name, index);
                    }
                };
                case DOUBLE -> (rs, col) -> {
                    double v = rs.getDouble(col);
                    if (!rs.wasNull()) {
                        field(name, index);
                        out.addDouble(v);
                        end(name, index);
                    }
                };
                case DATE -> (rs, col) -> {
                    int day = PgText.NOT_A_PLAIN_DATE;
                    if (text) {
                        byte[] v = rs.getBytes(col);
                        if (v == null) {
                            return;
                        }
                        day = PgText.epochDay(v);
                    }
                    if (day == PgText.NOT_A_PLAIN_DATE) {
                        LocalDate v = rs.getObject(col, LocalDate.class);
                        if (v == null) {
                            return;
                        }
                        day = (int) v.toEpochDay();
                    }
                    field(name, index);
                    out.addInteger(day);
                    end(name, index);
                };
                case TIMESTAMP -> (rs, col) -> {
                    Timestamp t = rs.getTimestamp(col);
                    if (t != null) {
                        field(name, index);
                        out.addLong(t.getTime() / 1000 * 1_000_000 + t.getNanos() / 1000);
                        end(name, index);
                    }
                };
                case DECIMAL -> decimal(c, index, text);
            };
        }

        /**
         * A decimal as its unscaled integer: an INT64 up to 18 digits, else the fewest big-endian bytes that hold the
         * column's precision. Read from the text bytes when they are a plain number that fits a long, else through
         * BigDecimal, which refuses (or, for quotients, rounds) a value with more decimals than the column's scale.
         */
        private Cell decimal(ColumnType c, int index, boolean text) {
            String name = c.name();
            boolean asLong = c.precision() <= 18;
            int width = PgText.decimalBytes(c.precision());
            byte[] buffer = new byte[width];
            return (rs, col) -> {
                long unscaled = PgText.NOT_HERE;
                BigInteger big = null;
                if (text) {
                    byte[] v = rs.getBytes(col);
                    if (v == null) {
                        return;
                    }
                    unscaled = PgText.unscaled(v, c.scale());
                }
                if (unscaled == PgText.NOT_HERE) {
                    BigDecimal v = rs.getBigDecimal(col);
                    if (v == null) {
                        return;
                    }
                    big = c.scaled(v).unscaledValue();
                    if (big.bitLength() < 64) {
                        unscaled = big.longValue();
                        big = null;
                    }
                }
                field(name, index);
                if (asLong) {
                    out.addLong(big == null ? unscaled : big.longValueExact());
                } else if (big == null) {
                    PgText.bigEndian(unscaled, buffer, width);
                    out.addBinary(Binary.fromReusedByteArray(buffer)); // copied by the writer where it keeps it
                } else {
                    out.addBinary(Binary.fromConstantByteArray(twosComplement(big, width, name)));
                }
                end(name, index);
            };
        }

        private void field(String name, int index) {
            out.startField(name, index);
        }

        private void end(String name, int index) {
            out.endField(name, index);
        }

        /** The source keys for the footer's citations: rows come in runs of one source, so most rows add nothing. */
        private void source(byte[] key) {
            if (!Arrays.equals(key, lastSource)) {
                lastSource = key;
                sources.add(new String(key, StandardCharsets.UTF_8));
            }
        }

        @Override
        public FinalizedWriteContext finalizeWrite() {
            Map<String, String> extra = new LinkedHashMap<>();
            if (!sources.isEmpty()) {
                Map<String, String> cited = citations.apply(sources);
                StringBuilder text = new StringBuilder();
                cited.forEach((key, citation) -> text.append(key).append(": ").append(citation).append('\n'));
                extra.put(ExportMetadata.PREFIX + "sources", text.toString().strip());
            }
            return new FinalizedWriteContext(extra);
        }
    }

    /** One column's value, read from the current row and written to the record (absent when null). */
    @FunctionalInterface
    private interface Cell {
        void write(ResultSet rs, int col) throws SQLException;
    }

    /** Two's complement, big-endian, sign-extended to 16 bytes: Arrow's decimal128 (little-endian there, reversed). */
    static byte[] sixteenBytes(BigInteger unscaled) {
        return twosComplement(unscaled, 16, "decimal");
    }

    /** Two's complement, big-endian, sign-extended to {@code width} bytes: Parquet's FIXED_LEN_BYTE_ARRAY decimal. */
    static byte[] twosComplement(BigInteger unscaled, int width, String column) {
        byte[] raw = unscaled.toByteArray();
        if (raw.length > width) {
            throw new IllegalStateException("column " + column + ": " + unscaled + " does not fit its declared precision");
        }
        byte[] out = new byte[width];
        byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0x00);
        int pad = width - raw.length;
        for (int i = 0; i < width; i++) {
            out[i] = i < pad ? fill : raw[i - pad];
        }
        return out;
    }

    private static final class Builder extends ParquetWriter.Builder<ResultSet, Builder> {
        private final Rows rows;

        Builder(OutputFile file, Rows rows) {
            super(file);
            this.rows = rows;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<ResultSet> getWriteSupport(ParquetConfiguration conf) {
            return rows;
        }

        /** Parquet still declares the Hadoop variant abstract (and deprecated); this service never calls it. */
        @Deprecated
        @Override
        protected WriteSupport<ResultSet> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return rows;
        }
    }

    /** The response body as a Parquet output file: written once, front to back, position counted. */
    private static final class StreamOutputFile implements OutputFile {
        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush(); // the response is ended by the streamer, after the trailer
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return "export.parquet";
        }
    }

    /**
     * Snappy through snappy-java, without Hadoop: parquet-java's own codec factory goes through Hadoop's
     * configuration, which this service does not ship. Parquet's SNAPPY pages are raw Snappy blocks.
     */
    private enum SnappyOnly implements CompressionCodecFactory {
        INSTANCE;

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
            if (codecName != CompressionCodecName.SNAPPY) {
                throw new IllegalArgumentException("only SNAPPY is written");
            }
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream((int) bytes.size());
                    bytes.writeAllTo(raw);
                    return BytesInput.from(Snappy.compress(raw.toByteArray()));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.SNAPPY;
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
            throw new UnsupportedOperationException("exports are written, never read");
        }

        @Override
        public void release() {
        }
    }
}
