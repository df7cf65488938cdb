package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.InputMessages;
import org.tradeflows.store.ProductStore;
import org.tradeflows.store.SourceStore;

/**
 * Names a user types that must exist (topic and source keys): an unknown one is an error with the closest known name,
 * never an empty answer that looks like "no data". GraphQL and the exports both go through here.
 */
@ApplicationScoped
public class KnownNames {

    private final ProductStore products;
    private final SourceStore sources;

    public KnownNames(ProductStore products, SourceStore sources) {
        this.products = products;
        this.sources = sources;
    }

    /** The topic key as given (trimmed), or an error naming the closest known topic. */
    public String topic(String argument, String key) {
        if (key == null) {
            return null;
        }
        String k = Codes.text(argument, key, 100).trim();
        List<String> known = products.topicKeys();
        if (!known.contains(k)) {
            throw new BadUserInputException(InputMessages.unknownKey(argument, "topic", k, known));
        }
        return k;
    }

    /** The source key as given (trimmed), or an error naming the closest known source. */
    public String source(String argument, String key) {
        if (key == null) {
            return null;
        }
        String k = Codes.text(argument, key, 100).trim();
        List<String> known = sources.keys();
        if (!known.contains(k)) {
            throw new BadUserInputException(InputMessages.unknownKey(argument, "source", k, known));
        }
        return k;
    }
}
