package org.tradeflows.export;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.tradeflows.api.errors.BadUserInputException;

/** A bad export request is a 400 with the same code and message shape as GraphQL errors, never a stack trace. */
@Provider
public class BadExportRequestMapper implements ExceptionMapper<BadUserInputException> {
    @Override
    public Response toResponse(BadUserInputException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("errors", java.util.List.of(Map.of("message", e.getMessage(),
                        "extensions", Map.of("code", "BAD_USER_INPUT"))))).build();
    }
}
