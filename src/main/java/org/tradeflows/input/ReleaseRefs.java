package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.Printable;
import org.tradeflows.store.ReleaseStore;

/**
 * Reads an {@code asOf} (or a diff's {@code from} and {@code to}): a data release by id, key or upstream version, or a
 * date YYYY-MM-DD meaning the newest release published on or before that day (UTC). Anything else is an error that
 * says what is accepted, never an empty answer.
 */
@ApplicationScoped
public class ReleaseRefs {

    public static final String ACCEPTED = "give a data release's id, key or upstream version (see dataReleases), or a "
            + "date YYYY-MM-DD for the data as published by the end of that day (UTC)";
    /** The description of every {@code asOf} argument. */
    public static final String AS_OF = "Read the figures as they stood at this data release (its id, key or upstream "
            + "version) or date (YYYY-MM-DD: the newest release published by the end of that day, UTC); default the "
            + "latest data.";
    /** The description of {@code asOf} on shipments, flows and sanctions. */
    public static final String AS_OF_RECORDS = "Read the records as they stood at this data release (its id, key or "
            + "upstream version) or date (YYYY-MM-DD: the newest release published by the end of that day, UTC), with what "
            + "later loads and corrections revised or withdrew; default the latest data.";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Looks like someone meant a date (digits and separators), so a failure says "not a date" rather than "no release". */
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}");

    private final ReleaseStore releases;

    public ReleaseRefs(ReleaseStore releases) {
        this.releases = releases;
    }

    /** The release to read official figures as of, or null for the latest data (the default, and the fast path). */
    public Long asOf(String argument, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        long id = release(argument, reference);
        return id == releases.newestId() ? null : id;
    }

    /** The release id a reference names; a blank reference is the newest release. */
    public long release(String argument, String reference) {
        if (reference == null || reference.isBlank()) {
            return releases.newestId();
        }
        String given = reference.trim();
        if (given.length() > 200) {
            throw new BadUserInputException(argument + ": longer than 200 characters; " + ACCEPTED);
        }
        if (DATE.matcher(given).matches() || DATE_LIKE.matcher(given).matches()) {
            LocalDate day = date(argument, given);
            return releases.publishedBy(day).orElseThrow(() -> new BadUserInputException(argument
                    + ": no data release was published on or before " + day + "; the first releases are listed by "
                    + "dataReleases"));
        }
        return releases.byReference(given).orElseThrow(() -> new BadUserInputException(argument + ": '"
                + Printable.of(given) + "' names no data release; " + ACCEPTED));
    }

    private static LocalDate date(String argument, String given) {
        if (DATE.matcher(given).matches()) {
            try {
                return LocalDate.parse(given);
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        throw new BadUserInputException(argument + ": '" + Printable.of(given) + "' is not a date in the form "
                + "YYYY-MM-DD (e.g. 2024-06-30); " + ACCEPTED);
    }
}
