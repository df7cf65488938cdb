package org.tradeflows.ingest.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stream that counts and fingerprints (SHA-256) the bytes as they pass, skipped ones too, so that progress and a
 * file's checksum come from the one read of it: an uploaded file ({@link TextInput}) and a publisher's download alike.
 */
public class FingerprintedStream extends FilterInputStream {

    private final MessageDigest digest;
    private long count;

    public FingerprintedStream(InputStream in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            count += n;
        }
        return n;
    }

    /** Skips by reading, so that skipped bytes are counted and fingerprinted too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 1), 1 << 16)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read (or skipped) so far. */
    public long bytesRead() {
        return count;
    }

    /** Reads what is left, so that the fingerprint covers the whole stream, then gives its SHA-256 in hex. */
    public String sha256() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // drained into the digest
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
