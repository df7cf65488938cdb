package org.tradeflows.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
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
import org.xerial.snappy.Snappy;

/**
 * Parquet, written with parquet-java straight to the response: row groups of {@value #ROW_GROUP_BYTES} bytes at most,
 * so memory stays flat for any row count, Snappy-compressed pages, dictionary encoding. Decimals are DECIMAL with
 * their scale (INT64 up to 18 digits, else 16-byte fixed), dates DATE, codes UTF-8 strings, booleans BOOLEAN. The
 * footer — and with it the key-value metadata (release, filter, column descriptions, and the citations of the sources
 * the rows came from, known only at the end) — is written by {@link #finish} alone: a failed export is never a readable
 * Parquet file.
 */
final class ParquetSink implements RowSink {

    static final int ROW_GROUP_BYTES = 8 * 1024 * 1024;
    static final int PAGE_BYTES = 256 * 1024;

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
        ParquetWriter<ResultSet> writer = new Builder(new StreamOutputFile(out), rows)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(SnappyOnly.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withDictionaryEncoding(true)
                .build();
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
                    : Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16)
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
                out.startMessage();
                for (int i = 0; i < columns.size(); i++) {
                    value(rs, i);
                }
                out.endMessage();
            } catch (SQLException e) {
                failure = new IOException("reading the row failed", e);
            }
        }

        private void value(ResultSet rs, int i) throws SQLException {
            ColumnType c = columns.get(i);
            int col = i + 1;
            Object v = switch (c.kind()) {
                case TEXT -> rs.getString(col);
                case BOOLEAN -> rs.getBoolean(col);
                case INT32 -> rs.getInt(col);
                case INT64 -> rs.getLong(col);
                case DOUBLE -> rs.getDouble(col);
                case DATE -> rs.getObject(col, LocalDate.class);
                case TIMESTAMP -> rs.getTimestamp(col);
                case DECIMAL -> rs.getBigDecimal(col);
            };
            if (rs.wasNull() || v == null) {
                return; // optional field: absent is null
            }
            if (i == sourceColumn) {
                sources.add((String) v);
            }
            out.startField(c.name(), i);
            switch (c.kind()) {
                case TEXT -> out.addBinary(Binary.fromString((String) v));
                case BOOLEAN -> out.addBoolean((Boolean) v);
                case INT32 -> out.addInteger((Integer) v);
                case INT64 -> out.addLong((Long) v);
                case DOUBLE -> out.addDouble((Double) v);
                case DATE -> out.addInteger((int) ((LocalDate) v).toEpochDay());
                case TIMESTAMP -> {
                    Timestamp t = (Timestamp) v;
                    out.addLong(t.getTime() / 1000 * 1_000_000 + t.getNanos() / 1000);
                }
                case DECIMAL -> {
                    BigInteger unscaled = c.scaled((BigDecimal) v).unscaledValue();
                    if (c.precision() <= 18) {
                        out.addLong(unscaled.longValueExact());
                    } else {
                        out.addBinary(Binary.fromConstantByteArray(sixteenBytes(unscaled)));
                    }
                }
            }
            out.endField(c.name(), i);
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

    /** Two's complement, big-endian, sign-extended to 16 bytes: Parquet's FIXED_LEN_BYTE_ARRAY decimal. */
    static byte[] sixteenBytes(BigInteger unscaled) {
        byte[] raw = unscaled.toByteArray();
        byte[] out = new byte[16];
        byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0x00);
        int pad = 16 - raw.length;
        for (int i = 0; i < 16; i++) {
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
                    return BytesInput.from(Snappy.compress(bytes.toByteArray()));
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
