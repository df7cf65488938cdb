package org.tradeflows.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A publisher's file as a stream (java.net.http, never buffered whole): counts and fingerprints (SHA-256) the bytes
 * as they pass, so that progress and the release's checksum come from the download itself.
 */
public final class HttpDownload extends FilterInputStream {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private final MessageDigest digest;
    private final long totalBytes;
    private long count;

    private HttpDownload(InputStream in, long totalBytes) {
        super(in);
        this.totalBytes = totalBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the download; a 404 means the publisher has no such version, any other non-200 a failed download. */
    public static HttpDownload open(String url, String what) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).GET().header("User-Agent", "tradeflows-fetch").build();
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.BAD_REQUEST, "The configured address is not a URL: " + url);
        }
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            String why = e instanceof ConnectException ? "the connection was refused"
                    : e instanceof HttpTimeoutException ? "no answer in time" : "the connection failed";
            throw new FetchException(FetchException.DOWNLOAD_FAILED, "Could not reach " + url + " (" + why
                    + "); nothing was loaded.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.INTERRUPTED, "The fetch was interrupted; nothing was loaded.");
        }
        int status = response.statusCode();
        if (status != 200) {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the answer is refused anyway
            }
            throw status == 404
                    ? new FetchException(FetchException.VERSION_NOT_PUBLISHED, "The publisher has no " + what + " at " + url
                            + " (HTTP 404): check the version.")
                    : new FetchException(FetchException.DOWNLOAD_FAILED, "The publisher answered HTTP " + status + " for "
                            + url + "; nothing was loaded.");
        }
        return new HttpDownload(response.body(), response.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            count += n;
        }
        return n;
    }

    /** Skips by reading, so that skipped bytes are counted and fingerprinted too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
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

    /** Bytes downloaded so far. */
    public long bytesRead() {
        return count;
    }

    /** The size the publisher announced, or -1. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Reads what is left (so the checksum covers the whole file), then gives its SHA-256. */
    public String sha256() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // drained into the digest
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
