package org.tradeflows.ingest.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.tradeflows.ingest.IngestException;

/**
 * An upload or file as text: strict UTF-8 (with or without byte order mark, gzip opened transparently), read once
 * in a stream. It fingerprints the bytes as they pass (SHA-256 of the file as given, what {@code sha256sum} prints),
 * counts them for progress, and stops at the first sign that the file is not the text it claims to be: invalid
 * UTF-8, binary control bytes, or a line longer than {@link #MAX_LINE_CHARS}.
 */
public final class TextInput implements Closeable {

    /** No record of any supported format comes near this; a longer line means binary data or missing line breaks. */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private final FingerprintedStream counted;
    private final GuardedReader reader;

    private TextInput(FingerprintedStream counted, GuardedReader reader) {
        this.counted = counted;
        this.reader = reader;
    }

    /** Opens a text file that is not CSV (JSON lines). */
    public static TextInput open(InputStream raw) throws IOException {
        return open(raw, null);
    }

    /**
     * Opens a file; for CSV ({@code csvDelimiters} given) a record is also limited to {@link #MAX_LINE_CHARS}, so that
     * a quoted value never closed (a truncated file, a stray quote) stops the file instead of filling memory.
     */
    public static TextInput open(InputStream raw, char[] csvDelimiters) throws IOException {
        return open(raw, csvDelimiters, StandardCharsets.UTF_8);
    }

    /** Opens a file in another encoding than UTF-8 (a curator's choice, for exports such as Windows-1252 CSV). */
    public static TextInput open(InputStream raw, char[] csvDelimiters, Charset charset) throws IOException {
        FingerprintedStream counted = new FingerprintedStream(raw);
        InputStream content = InputSniffer.open(counted);
        // invalid bytes become U+FFFD, which the guard finds at its exact line
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new TextInput(counted, new GuardedReader(new InputStreamReader(content, decoder), csvDelimiters,
                charset.name()));
    }

    public Reader reader() {
        return reader;
    }

    /** Bytes of the file (as given, before decompression) read so far. */
    public long bytesRead() {
        return counted.bytesRead();
    }

    /** The line the reader has reached (1-based). */
    public long line() {
        return reader.line;
    }

    /** Reads whatever the parser left unread so that the fingerprint covers the whole file, then gives it. */
    public String sha256() throws IOException {
        return counted.sha256();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class GuardedReader extends Reader {
        private static final int FIELD_START = 0;
        private static final int PLAIN = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_IN_QUOTED = 3;

        private final Reader in;
        private final char[] delimiters;
        private final String charset;
        private long line = 1;
        private int lineLength;
        private int state = FIELD_START;
        private long recordLine = 1;
        private int recordLength;

        GuardedReader(Reader in, char[] delimiters, String charset) {
            this.in = in;
            this.delimiters = delimiters;
            this.charset = charset;
        }

        private boolean delimiter(char ch) {
            for (char d : delimiters) {
                if (d == ch) {
                    return true;
                }
            }
            return false;
        }

        private void follow(char ch) {
            if (ch == '\n' && state != QUOTED) {
                state = FIELD_START;
                recordLength = 0;
                recordLine = line + 1;
                return;
            }
            if (++recordLength > MAX_LINE_CHARS) {
                throw new IngestException("The record that starts on line " + recordLine + " runs on for more than "
                        + MAX_LINE_CHARS + " characters: a quoted value is never closed (a truncated file or a stray "
                        + "double quote).", recordLine);
            }
            state = switch (state) {
                case FIELD_START -> ch == '"' ? QUOTED : delimiter(ch) ? FIELD_START : PLAIN;
                case PLAIN -> delimiter(ch) ? FIELD_START : PLAIN;
                case QUOTED -> ch == '"' ? QUOTE_IN_QUOTED : QUOTED;
                default -> ch == '"' ? QUOTED : delimiter(ch) ? FIELD_START : PLAIN;
            };
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            for (int i = off; i < off + n; i++) {
                char ch = buffer[i];
                if (ch == '\uFFFD') {
                    throw new IngestException("UTF-8".equals(charset)
                            ? "Line " + line + " is not valid UTF-8: the file must be UTF-8 text (or name its encoding, "
                                    + "for example charset windows-1252; or convert it with iconv -f WINDOWS-1252 -t UTF-8)."
                            : "Line " + line + " has bytes that are not " + charset + " text.", line);
                }
                if (ch != '\n' && ++lineLength > MAX_LINE_CHARS) {
                    throw new IngestException("Line " + line + " is longer than " + MAX_LINE_CHARS + " characters: no "
                            + "record is that long; the file is binary or has lost its line breaks.", line);
                }
                if (delimiters != null) {
                    follow(ch);
                }
                if (ch == '\n') {
                    line++;
                    lineLength = 0;
                    continue;
                }
                if (ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\f') {
                    throw new IngestException(String.format("Line %d contains binary data (control byte 0x%02X): this "
                            + "is not a text file of the expected format.", line, (int) ch), line);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
