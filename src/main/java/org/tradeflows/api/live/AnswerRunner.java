package org.tradeflows.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.quarkus.jsonp.JsonProviderHolder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a persisted query for answerChanged, as an anonymous reader would, on the calling thread (the hub's): the data
 * of its answer, or empty when it answered with errors (a failed run is never taken for a changed answer).
 */
final class AnswerRunner {

    private static final ObjectMapper JSON = ExactJson.MAPPER;

    private AnswerRunner() {
    }

    static Optional<JsonNode> run(String document, String variablesJson) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            JsonObjectBuilder input = JsonProviderHolder.jsonProvider().createObjectBuilder().add("query", document);
            if (variablesJson != null && !variablesJson.equals("{}")) {
                try (JsonReader reader = JsonProviderHolder.jsonProvider().createReader(new StringReader(variablesJson))) {
                    input.add("variables", reader.readObject());
                }
            }
            AtomicReference<String> answer = new AtomicReference<>();
            Map<String, Object> metaData = new HashMap<>();
            metaData.put("runBlocking", Boolean.TRUE);
            ExecutionService service = Arc.container().instance(ExecutionService.class).get();
            service.executeSync(input.build(), metaData, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse er) {
                    answer.set(er.getExecutionResultAsString());
                }
            });
            if (answer.get() == null) {
                return Optional.empty();
            }
            JsonNode result = JSON.readTree(answer.get());
            boolean failed = result.path("errors").isArray() && !result.path("errors").isEmpty();
            return failed || !result.has("data") ? Optional.empty() : Optional.of(result.get("data"));
        } catch (java.io.IOException e) {
            return Optional.empty();
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
