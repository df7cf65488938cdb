package org.tradeflows.http;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import java.sql.SQLException;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CodedException;
import org.tradeflows.model.NotFoundException;

/**
 * Turns an exception into a code and a message, for every door (GraphQL, REST, exports, uploads; the GraphQL engine adds
 * its own errors in GraphQLErrors). Our own exceptions keep their message; known database
 * conditions get a code and a plain explanation; anything else becomes INTERNAL with a reference that appears in the
 * server log next to the real cause, so no class name, SQL or stack trace reaches a client.
 */
public final class ErrorClassifier {

    private static final Logger LOG = Logger.getLogger(ErrorClassifier.class);
    /**
     * What PostgreSQL answers a connection attempt it refuses: the database does not accept connections (55000),
     * does not exist (3D000), or refuses the user (28000, 28P01). To a client, all mean the database is unavailable.
     */
    private static final java.util.Set<String> REFUSED_AT_CONNECT = java.util.Set.of("55000", "3D000", "28000", "28P01");
    /** Agroal's words when no connection became free within the acquisition timeout (it sets no SQLState). */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private ErrorClassifier() {
    }

    /** The code and client-facing message for an exception; {@code field} names where it happened, when known. */
    public static Coded classify(Throwable thrown, String field) {
        String prefix = field == null ? "" : field + ": ";
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BadUserInputException || t instanceof NotFoundException) {
                String code = t instanceof NotFoundException ? ErrorCodes.NOT_FOUND : ErrorCodes.BAD_USER_INPUT;
                return new Coded(code, t.getMessage());
            }
            if (t instanceof CodedException coded) {
                return new Coded(coded.code(), coded.getMessage());
            }
            if (t instanceof UnauthorizedException) {
                return new Coded(ErrorCodes.UNAUTHENTICATED, prefix + "needs an API key, sent as 'Authorization: Bearer "
                        + "<key>'; reading needs none, corrections need role curator, keys and the audit trail role admin");
            }
            if (t instanceof ForbiddenException) {
                return new Coded(ErrorCodes.FORBIDDEN, prefix + "the role of this API key does not allow it; corrections "
                        + "need role curator, keys and the audit trail role admin");
            }
            if (t instanceof SQLException sql) {
                Coded known = database(sql, prefix);
                if (known != null) {
                    return known;
                }
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(thrown, "Internal error %s at %s", reference, field);
        return new Coded(ErrorCodes.INTERNAL, internalMessage(reference));
    }

    private static Coded database(SQLException e, String prefix) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014")) {
            return new Coded(ErrorCodes.TIMEOUT, "The query ran longer than the statement time limit and was cancelled; "
                    + "ask for smaller pages (first) or narrower filters");
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || REFUSED_AT_CONNECT.contains(state)
                || (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains(ACQUISITION_TIMEOUT))) {
            LOG.warnf("Database unavailable or busy: %s (%s)", e.getMessage(), state);
            return new Coded(ErrorCodes.SERVICE_UNAVAILABLE, "The database is busy or unavailable; retry in a few seconds");
        }
        if (state.startsWith("22")) {
            // data exceptions: text PostgreSQL cannot hold (a NUL character), a number out of its range, ...
            return new Coded(ErrorCodes.BAD_USER_INPUT, prefix + "a value in the request cannot be stored or compared (for example text "
                    + "with a NUL character, or a number out of range); check the arguments");
        }
        if (state.startsWith("23")) {
            LOG.infof("Constraint violation answered as BAD_USER_INPUT: %s", e.getMessage());
            return new Coded(ErrorCodes.BAD_USER_INPUT, "The change conflicts with data recorded meanwhile "
                    + "(a duplicate or a missing reference); read the record again and retry");
        }
        return null;
    }

    public static String internalMessage(String reference) {
        return "Internal error; the server log has the details under reference " + reference;
    }

    public record Coded(String code, String message) {
    }
}
