package org.tradeflows.api.live;

import java.util.List;
import org.tradeflows.model.LiveEventRecord;

/**
 * What one kind of subscription wants from a batch of events, and what its subscribers are sent for each. The hub
 * asks each distinct selector (records: equal arguments, one selector) once per batch, so a thousand subscribers of
 * the same subscription cost one look-up per batch, not a thousand.
 */
public interface LiveSelector {

    /** The wanted events of the batch (oldest first), each with the item its subscribers are sent. */
    List<Delivery> select(List<LiveEventRecord> batch);

    /** One event for a subscriber: its sequence number (the resume token) and the item sent. */
    record Delivery(long seq, Object item) {
    }
}
