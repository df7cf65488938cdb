package org.tradeflows.api.live;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one JSON mapper of watched answers: an answer is read, compared, stored and sent (answerChanged, webhooks) with
 * its numbers as the answer wrote them — decimals as decimals with their scale (275000.00 stays 275000.00), never
 * through a double.
 */
public final class ExactJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ExactJson() {
    }
}
