package org.tradeflows.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.tradeflows.ingest.input.FingerprintedStream;

/**
 * A publisher's file as a stream (java.net.http, never buffered whole), counted and fingerprinted (SHA-256) as it
 * passes ({@link FingerprintedStream}), so that progress and the release's checksum come from the download itself.
 */
public final class HttpDownload extends FingerprintedStream {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private final long totalBytes;

    private HttpDownload(InputStream in, long totalBytes) {
        super(in);
        this.totalBytes = totalBytes;
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

    /** The size the publisher announced, or -1. */
    public long totalBytes() {
        return totalBytes;
    }
}
