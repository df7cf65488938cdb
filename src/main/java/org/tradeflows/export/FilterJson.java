package org.tradeflows.export;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tradeflows.model.InputMessages;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.Printable;

/**
 * Reads an export's {@code filter} parameter (the JSON of a GraphQL input type) and says what is wrong with it in
 * the words GraphQL uses: the field's path and the problem, the nearest valid name for a misspelled field, never a
 * Java type or a parser's message.
 */
final class FilterJson {

    private FilterJson() {
    }

    /**
     * The service's mapper, made to take only what GraphQL takes for the same fields: a number is not a date (Jackson
     * would read it as days since 1970), and neither a number nor text is true or false.
     */
    static ObjectMapper strict(ObjectMapper json) {
        ObjectMapper m = json.copy();
        m.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return m;
    }

    /** Reads the filter with a mapper made by {@link #strict}. */
    static <T> T read(ObjectMapper json, String filter, Class<T> type) {
        JsonNode tree;
        try {
            tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(filter);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (at character " + e.getLocation().getColumnNr() + ")";
            throw new BadUserInputException("filter: not valid JSON" + where + "; send a JSON object such as "
                    + "{\"periodFrom\":\"2024-01-01\"}, URL-encoded");
        }
        if (tree == null || !tree.isObject()) {
            throw new BadUserInputException("filter: must be a JSON object of " + type.getSimpleName() + " fields");
        }
        refuseNul(tree, "filter");
        try {
            return json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String parent = path(e, 1);
            throw new BadUserInputException((parent.isEmpty() ? "filter" : "filter." + parent) + ": '"
                    + Printable.of(e.getPropertyName()) + "' is not a field of "
                    + type.getSimpleName() + InputMessages.suggestion(e.getPropertyName(), known));
        } catch (InvalidFormatException e) {
            throw new BadUserInputException(wrongValue("filter." + path(e, 0), e.getTargetType(), e.getValue()));
        } catch (MismatchedInputException e) {
            throw new BadUserInputException(wrongValue("filter." + path(e, 0), e.getTargetType(), null));
        } catch (java.io.IOException e) {
            throw new BadUserInputException("filter: not a valid " + type.getSimpleName() + " JSON object");
        }
    }

    /** The words for a value that does not fit its field's type. */
    private static String wrongValue(String name, Class<?> target, Object value) {
        String shown = value == null ? "the value" : "\"" + Printable.of(String.valueOf(value)) + "\"";
        if (target == null) {
            return name + ": " + shown + " does not fit the field";
        }
        if (target == LocalDate.class) {
            return value == null ? name + ": expected a date as a string (YYYY-MM-DD)" : InputMessages.notADate(name, value);
        }
        if (target.isEnum()) {
            List<String> names = Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return value == null ? name + ": expected one of " + String.join(", ", names)
                    : InputMessages.unknownName(name, "one of " + String.join(", ", names), String.valueOf(value), names);
        }
        if (Number.class.isAssignableFrom(target)) {
            return name + ": " + shown + " is not a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return name + ": " + shown + " is not true or false";
        }
        if (List.class.isAssignableFrom(target)) {
            return name + ": expected a list";
        }
        if (target == String.class) {
            return name + ": expected a string";
        }
        return name + ": expected an object";
    }

    /** The field path of a mapping error, without its last {@code drop} parts ("hsCodes[2]", "periodFrom"). */
    private static String path(JsonMappingException e, int drop) {
        List<JsonMappingException.Reference> refs = e.getPath();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < refs.size() - drop; i++) {
            JsonMappingException.Reference r = refs.get(i);
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** Text with a NUL is refused with the message GraphQL gives for it. */
    private static void refuseNul(JsonNode node, String name) {
        if (node.isTextual() && node.textValue().indexOf(InputMessages.NUL) >= 0) {
            throw new BadUserInputException(InputMessages.hasNul(name));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseNul(node.get(i), name + "[" + i + "]");
            }
        }
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (f.getKey().indexOf(InputMessages.NUL) >= 0) {
                throw new BadUserInputException(InputMessages.hasNul(name));
            }
            refuseNul(f.getValue(), name + "." + f.getKey());
        }
    }
}
