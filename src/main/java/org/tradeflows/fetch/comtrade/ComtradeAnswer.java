package org.tradeflows.fetch.comtrade;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.tradeflows.fetch.FetchException;
import org.tradeflows.store.ComtradeCallStore;

/** An API answer ({@code {"elapsedTime", "count", "data": [...]}}) as CSV rows in the Comtrade loader's columns. */
final class ComtradeAnswer {

    /** Columns of the text handed to the Comtrade loader, as the API names the JSON fields. */
    static final List<String> FIELDS = List.of("reporterCode", "reporterISO", "partnerCode", "partnerISO", "flowCode",
            "period", "cmdCode", "primaryValue", "netWgt", "qty", "qtyUnitAbbr", "customsCode", "motCode",
            "partner2Code", "isReported", "classificationCode");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ComtradeAnswer() {
    }

/** The answer's records as rows for the loader; a full answer (count reaching the cap) is marked split. */
static ComtradeCallStore.Call rows(byte[] body, int cap, ComtradeQuery q) {
    JsonNode root;
    try {
        root = JSON.readTree(body);
    } catch (IOException e) {
        throw new FetchException(FetchException.DOWNLOAD_FAILED, "UN Comtrade's answer is not JSON (" + q.key()
                + "); nothing was loaded.");
    }
    JsonNode data = root == null ? null : root.get("data");
    if (data == null || !data.isArray()) {
        String error = root != null && root.hasNonNull("error") ? ": " + root.get("error").asText() : "";
        throw new FetchException(FetchException.DOWNLOAD_FAILED, "UN Comtrade's answer has no data" + error + " ("
                + q.key() + "); nothing was loaded.");
    }
    int count = root.hasNonNull("count") ? root.get("count").asInt() : data.size();
    if (count >= cap || data.size() >= cap) {
        return new ComtradeCallStore.Call(count, true, null);
    }
    StringBuilder csv = new StringBuilder();
    for (JsonNode r : data) {
        for (int i = 0; i < FIELDS.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(r.get(FIELDS.get(i))));
        }
        csv.append('\n');
    }
    return new ComtradeCallStore.Call(data.size(), false, csv.toString());
}

private static String cell(JsonNode v) {
    if (v == null || v.isNull()) {
        return "";
    }
    String s = v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
    return s.contains(",") || s.contains("\"") || s.contains("\n")
            ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
}
}
