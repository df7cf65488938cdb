package org.tradeflows.store;

import java.sql.SQLException;

/** A database failure; its message stays in the logs and never reaches a client. */
public class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
