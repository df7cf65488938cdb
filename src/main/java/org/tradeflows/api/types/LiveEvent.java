package org.tradeflows.api.types;

/** What every live event's sequence number means (one text, used by each event type's description). */
public final class LiveEvent {

    public static final String SEQUENCE = "The event's sequence number, increasing in the order events were committed. "
            + "Keep the last one you received: reconnecting with it (resumeAfter in the connection_init payload, the "
            + "after argument, or Last-Event-ID on /graphql/stream) sends every later event you missed.";

    private LiveEvent() {
    }
}
