package org.tradeflows.export;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Bool;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Date;
import org.apache.arrow.flatbuf.DateUnit;
import org.apache.arrow.flatbuf.Decimal;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.TimeUnit;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Utf8;

/**
 * The Arrow IPC stream format (what {@code pyarrow.ipc.open_stream}, polars and DuckDB read), in record batches of
 * {@value #BATCH_ROWS} rows, so memory stays flat: the schema first, with the file's metadata and each field's
 * description, then the batches, then the end-of-stream marker, written by {@link #finish} alone.
 *
 * <p>The messages are Arrow's own flatbuffers ({@code arrow-format}, the format's generated classes); the columns are
 * built here in plain arrays. Arrow Java's vectors would need {@code java.base/java.nio} opened to the application,
 * which a {@code java -jar} start of this service cannot ask for.
 */
final class ArrowSink implements RowSink {

    static final int BATCH_ROWS = 8192;
    private static final int CONTINUATION = 0xFFFFFFFF;

    private final OutputStream out;
    private final List<ColumnType> columns;
    private final Column[] batch;
    private int rows;

    private ArrowSink(OutputStream out, List<ColumnType> columns) {
        this.out = out;
        this.columns = columns;
        this.batch = columns.stream().map(Column::new).toArray(Column[]::new);
    }

    static ArrowSink open(OutputStream out, List<ColumnType> columns, ExportMetadata metadata) throws IOException {
        ArrowSink sink = new ArrowSink(out, columns);
        sink.writeSchema(metadata.entries(columns.stream().map(ColumnType::name).toList()));
        return sink;
    }

    @Override
    public void row(ResultSet rs) throws SQLException, IOException {
        for (int i = 0; i < batch.length; i++) {
            batch[i].add(rs, i + 1, rows);
        }
        rows++;
        if (rows == BATCH_ROWS) {
            writeBatch();
        }
    }

    @Override
    public void finish(long total) throws IOException {
        if (rows > 0 || total == 0) {
            writeBatch();
        }
        ByteBuffer eos = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(CONTINUATION).putInt(0);
        out.write(eos.array());
        out.flush();
    }

    // --- messages -------------------------------------------------------------------------------------------------

    private void writeSchema(Map<String, String> metadata) throws IOException {
        FlatBufferBuilder b = new FlatBufferBuilder(4096);
        int[] fields = new int[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            ColumnType c = columns.get(i);
            int name = b.createString(c.name());
            int type = type(b, c);
            int description = keyValues(b, Map.of("description", ExportMetadata.description(c.name())));
            int children = Field.createChildrenVector(b, new int[0]);
            Field.startField(b);
            Field.addName(b, name);
            Field.addNullable(b, true);
            Field.addTypeType(b, typeType(c));
            Field.addType(b, type);
            Field.addChildren(b, children);
            Field.addCustomMetadata(b, description);
            fields[i] = Field.endField(b);
        }
        int fieldVector = Schema.createFieldsVector(b, fields);
        int custom = keyValues(b, metadata);
        Schema.startSchema(b);
        Schema.addEndianness(b, Endianness.Little);
        Schema.addFields(b, fieldVector);
        Schema.addCustomMetadata(b, custom);
        int schema = Schema.endSchema(b);
        writeMessage(b, MessageHeader.Schema, schema, new byte[0][], 0);
    }

    private static int keyValues(FlatBufferBuilder b, Map<String, String> entries) {
        int[] kvs = new int[entries.size()];
        int i = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            int key = b.createString(e.getKey());
            int value = b.createString(e.getValue());
            kvs[i++] = KeyValue.createKeyValue(b, key, value);
        }
        return Schema.createCustomMetadataVector(b, kvs);
    }

    private static byte typeType(ColumnType c) {
        return switch (c.kind()) {
            case TEXT -> Type.Utf8;
            case BOOLEAN -> Type.Bool;
            case INT32, INT64 -> Type.Int;
            case DOUBLE -> Type.FloatingPoint;
            case DATE -> Type.Date;
            case TIMESTAMP -> Type.Timestamp;
            case DECIMAL -> Type.Decimal;
        };
    }

    private static int type(FlatBufferBuilder b, ColumnType c) {
        return switch (c.kind()) {
            case TEXT -> {
                Utf8.startUtf8(b);
                yield Utf8.endUtf8(b);
            }
            case BOOLEAN -> {
                Bool.startBool(b);
                yield Bool.endBool(b);
            }
            case INT32 -> Int.createInt(b, 32, true);
            case INT64 -> Int.createInt(b, 64, true);
            case DOUBLE -> FloatingPoint.createFloatingPoint(b, Precision.DOUBLE);
            case DATE -> Date.createDate(b, DateUnit.DAY);
            case TIMESTAMP -> org.apache.arrow.flatbuf.Timestamp.createTimestamp(b, TimeUnit.MICROSECOND,
                    b.createString("UTC"));
            case DECIMAL -> Decimal.createDecimal(b, c.precision(), c.scale(), 128);
        };
    }

    private void writeBatch() throws IOException {
        List<byte[]> buffers = new ArrayList<>();
        long[][] nodes = new long[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            nodes[i] = new long[] {rows, batch[i].nulls};
            batch[i].buffers(rows, buffers);
        }
        FlatBufferBuilder b = new FlatBufferBuilder(1024);
        RecordBatch.startNodesVector(b, nodes.length);
        for (int i = nodes.length - 1; i >= 0; i--) {
            FieldNode.createFieldNode(b, nodes[i][0], nodes[i][1]);
        }
        int nodeVector = b.endVector();
        RecordBatch.startBuffersVector(b, buffers.size());
        long[] offsets = new long[buffers.size()];
        long body = 0;
        for (int i = 0; i < buffers.size(); i++) {
            offsets[i] = body;
            body += padded(buffers.get(i).length);
        }
        for (int i = buffers.size() - 1; i >= 0; i--) {
            Buffer.createBuffer(b, offsets[i], buffers.get(i).length);
        }
        int bufferVector = b.endVector();
        RecordBatch.startRecordBatch(b);
        RecordBatch.addLength(b, rows);
        RecordBatch.addNodes(b, nodeVector);
        RecordBatch.addBuffers(b, bufferVector);
        int recordBatch = RecordBatch.endRecordBatch(b);
        writeMessage(b, MessageHeader.RecordBatch, recordBatch, buffers.toArray(byte[][]::new), body);
        for (Column c : batch) {
            c.reset();
        }
        rows = 0;
    }

    /** An encapsulated message: continuation, metadata length, the flatbuffer padded to 8 bytes, then the body. */
    private void writeMessage(FlatBufferBuilder b, byte headerType, int header, byte[][] body, long bodyLength)
            throws IOException {
        Message.startMessage(b);
        Message.addVersion(b, MetadataVersion.V5);
        Message.addHeaderType(b, headerType);
        Message.addHeader(b, header);
        Message.addBodyLength(b, bodyLength);
        b.finish(Message.endMessage(b));
        byte[] meta = b.sizedByteArray();
        int metaLength = padded(meta.length + 8) - 8;
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(CONTINUATION).putInt(metaLength);
        out.write(prefix.array());
        out.write(meta);
        out.write(new byte[metaLength - meta.length]);
        for (byte[] buffer : body) {
            out.write(buffer);
            out.write(new byte[padded(buffer.length) - buffer.length]);
        }
    }

    private static int padded(int length) {
        return (length + 7) & ~7;
    }

    // --- columns --------------------------------------------------------------------------------------------------

    /** One column of the batch being built: a validity bitmap, and values (fixed width, bits, or offsets and bytes). */
    private static final class Column {
        private final ColumnType type;
        private final int width;
        private final byte[] validity = new byte[(BATCH_ROWS + 7) / 8];
        private final byte[] bits;
        private final ByteBuffer fixed;
        private final int[] offsets;
        private byte[] text;
        private int textLength;
        private int nulls;

        Column(ColumnType type) {
            this.type = type;
            this.width = switch (type.kind()) {
                case INT32, DATE -> 4;
                case INT64, DOUBLE, TIMESTAMP -> 8;
                case DECIMAL -> 16;
                default -> 0;
            };
            this.bits = type.kind() == ColumnType.Kind.BOOLEAN ? new byte[(BATCH_ROWS + 7) / 8] : null;
            this.fixed = width > 0 ? ByteBuffer.allocate(width * BATCH_ROWS).order(ByteOrder.LITTLE_ENDIAN) : null;
            this.offsets = type.kind() == ColumnType.Kind.TEXT ? new int[BATCH_ROWS + 1] : null;
            this.text = type.kind() == ColumnType.Kind.TEXT ? new byte[64 * 1024] : null;
        }

        void add(ResultSet rs, int col, int row) throws SQLException {
            boolean valid = switch (type.kind()) {
                case TEXT -> {
                    String v = rs.getString(col);
                    if (v != null) {
                        append(v.getBytes(StandardCharsets.UTF_8));
                    }
                    offsets[row + 1] = textLength;
                    yield v != null;
                }
                case BOOLEAN -> {
                    boolean v = rs.getBoolean(col);
                    if (v && !rs.wasNull()) {
                        bits[row >> 3] |= (byte) (1 << (row & 7));
                    }
                    yield !rs.wasNull();
                }
                case INT32 -> {
                    fixed.putInt(row * 4, rs.getInt(col));
                    yield !rs.wasNull();
                }
                case INT64 -> {
                    fixed.putLong(row * 8, rs.getLong(col));
                    yield !rs.wasNull();
                }
                case DOUBLE -> {
                    fixed.putDouble(row * 8, rs.getDouble(col));
                    yield !rs.wasNull();
                }
                case DATE -> {
                    LocalDate v = rs.getObject(col, LocalDate.class);
                    fixed.putInt(row * 4, v == null ? 0 : (int) v.toEpochDay());
                    yield v != null;
                }
                case TIMESTAMP -> {
                    Timestamp v = rs.getTimestamp(col);
                    fixed.putLong(row * 8, v == null ? 0 : v.getTime() / 1000 * 1_000_000 + v.getNanos() / 1000);
                    yield v != null;
                }
                case DECIMAL -> {
                    BigDecimal v = rs.getBigDecimal(col);
                    if (v != null) {
                        byte[] be = ParquetSink.sixteenBytes(type.scaled(v).unscaledValue());
                        for (int k = 0; k < 16; k++) {
                            fixed.put(row * 16 + k, be[15 - k]); // little-endian two's complement
                        }
                    } else {
                        fixed.putLong(row * 16, 0).putLong(row * 16 + 8, 0);
                    }
                    yield v != null;
                }
            };
            if (valid) {
                validity[row >> 3] |= (byte) (1 << (row & 7));
            } else {
                nulls++;
            }
        }

        private void append(byte[] bytes) {
            if (textLength + bytes.length > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + bytes.length));
            }
            System.arraycopy(bytes, 0, text, textLength, bytes.length);
            textLength += bytes.length;
        }

        /** The column's buffers in Arrow's order: validity, then values (or offsets, then data). */
        void buffers(int rows, List<byte[]> into) {
            into.add(Arrays.copyOf(validity, (rows + 7) / 8));
            switch (type.kind()) {
                case TEXT -> {
                    ByteBuffer o = ByteBuffer.allocate(4 * (rows + 1)).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i <= rows; i++) {
                        o.putInt(offsets[i]);
                    }
                    into.add(o.array());
                    into.add(Arrays.copyOf(text, textLength));
                }
                case BOOLEAN -> into.add(Arrays.copyOf(bits, (rows + 7) / 8));
                default -> into.add(Arrays.copyOf(fixed.array(), width * rows));
            }
        }

        void reset() {
            Arrays.fill(validity, (byte) 0);
            if (bits != null) {
                Arrays.fill(bits, (byte) 0);
            }
            textLength = 0;
            nulls = 0;
        }
    }
}
