package org.tradeflows.db;

import io.smallrye.graphql.api.ErrorCode;
import java.sql.SQLException;

/** A database failure; its message stays in the logs and never reaches a client. */
@ErrorCode("INTERNAL")
public class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
