package org.tradeflows.fetch;

import org.tradeflows.model.CodedException;

/**
 * Why a fetch stopped, with a code a client can act on (README, "Real data by one command"). Nothing of a failed
 * fetch is written: its load rolls back as a whole.
 */
public class FetchException extends CodedException {

    /** The publisher could not be reached, answered an error, or the download broke off. */
    public static final String DOWNLOAD_FAILED = "DOWNLOAD_FAILED";
    /** The publisher has no file for the version asked (HTTP 404). */
    public static final String VERSION_NOT_PUBLISHED = "VERSION_NOT_PUBLISHED";
    /** The archive is damaged or is not the publisher's archive. */
    public static final String CORRUPT_ARCHIVE = "CORRUPT_ARCHIVE";
    /** The archive holds files of another version than the one asked. */
    public static final String VERSION_MISMATCH = "VERSION_MISMATCH";
    /** A version older than the one loaded would replace it. */
    public static final String OLDER_VERSION = "OLDER_VERSION";
    /** None of the years asked are in the publisher's file. */
    public static final String NO_SUCH_YEARS = "NO_SUCH_YEARS";
    /** Rows of the file failed the loader's checks (all-or-nothing): nothing was loaded. */
    public static final String ROWS_REJECTED = "ROWS_REJECTED";
    /** The filter or the source name is not valid. */
    public static final String BAD_REQUEST = "BAD_REQUEST";
    /** Another fetch is queued or running. */
    public static final String FETCH_ALREADY_RUNNING = "FETCH_ALREADY_RUNNING";
    /** The process running the fetch ended before it did. */
    public static final String INTERRUPTED = "INTERRUPTED";
    /** Anything else (the database refused the load, ...); details are in the service's log. */
    public static final String FETCH_FAILED = "FETCH_FAILED";

    public FetchException(String code, String message) {
        super(code, message);
    }

    public FetchException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
