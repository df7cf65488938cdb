package org.tradeflows.ingest.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.tradeflows.ingest.IngestException;

/**
 * Looks at the first bytes of an upload before any parser does: gzip is opened transparently; an empty file, a ZIP
 * archive (or Excel workbook), UTF-16 text and well-known binary formats are refused with a message that says what
 * the file is; a UTF-8 byte order mark is skipped.
 */
final class InputSniffer {

    private InputSniffer() {
    }

    static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        byte[] head = peek(in, 4);
        if (head.length == 0) {
            throw new IngestException("The file is empty: no header and no rows.");
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return open(new GzipTruncationGuard(new GZIPInputStream(in, 1 << 16)));
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            throw new IngestException("The file is a ZIP archive (or an Excel workbook): extract or export the CSV "
                    + "file and load that.");
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw new IngestException("The file is UTF-16 text: save it as UTF-8 (with or without byte order mark) "
                    + "and load it again.");
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            throw new IngestException("The file is a PDF document, not a CSV or JSON lines file.");
        }
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            in.skipNBytes(3);
            if (peek(in, 1).length == 0) {
                throw new IngestException("The file is empty: it holds only a UTF-8 byte order mark.");
            }
        }
        return in;
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Turns the JDK's terse messages about broken gzip streams into ones that name the likely cause. */
    private static final class GzipTruncationGuard extends java.io.FilterInputStream {
        GzipTruncationGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw broken(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw broken(e);
            }
        }

        private static IngestException broken(IOException e) {
            return new IngestException("The gzip-compressed file is truncated or corrupt (" + e.getMessage()
                    + "): download it again.");
        }
    }
}
