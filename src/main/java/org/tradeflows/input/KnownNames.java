package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
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
    // keys seen to exist; a key not among them is looked up again (loads add sources), so a hit costs no statement
    private volatile Set<String> topicKeys = Set.of();
    private volatile Set<String> sourceKeys = Set.of();

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
        if (topicKeys.contains(k)) {
            return k;
        }
        List<String> known = products.topicKeys();
        topicKeys = Set.copyOf(known);
        if (!known.contains(k)) {
            throw new BadUserInputException(InputMessages.unknownKey(argument, "topic", k, known));
        }
        return k;
    }

    /** The error for a source key that does not exist, naming the closest known one. */
    public BadUserInputException unknownSource(String argument, String key) {
        return new BadUserInputException(InputMessages.unknownKey(argument, "source", key, sources.keys()));
    }

    /** The source key as given (trimmed), or an error naming the closest known source. */
    public String source(String argument, String key) {
        if (key == null) {
            return null;
        }
        String k = Codes.text(argument, key, 100).trim();
        if (sourceKeys.contains(k)) {
            return k;
        }
        List<String> known = sources.keys();
        sourceKeys = Set.copyOf(known);
        if (!known.contains(k)) {
            throw new BadUserInputException(InputMessages.unknownKey(argument, "source", k, known));
        }
        return k;
    }
}
