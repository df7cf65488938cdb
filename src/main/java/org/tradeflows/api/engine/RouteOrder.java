package org.tradeflows.api.engine;

/**
 * The order of the /graphql routes GraphQLEndpoint installs, lowest first; all run before SmallRye's own /graphql route
 * (order 0 and up), which still answers what falls through (mutations).
 */
enum RouteOrder {
    /** First, so that every failure below (body too large, anything thrown) is answered with a coded body. */
    FAILURE(-30),
    /** Before the body is read: a wrong method needs no body and is answered 405. */
    METHOD(-29),
    /**
     * A WebSocket upgrade (GET): subscriptions. Before SmallRye's own WebSocket handler (order -99), which must never
     * see a socket, and so before the rate-limit filter (order -90): the handler counts the upgrade itself.
     */
    LIVE(-100),
    /** Reads and checks a POST body once (size, JSON, document) before any handler uses it. */
    BODY(-28),
    /** Queries by GET, and by POST once checked: answered from kept answers or run, bounded; the rest falls through. */
    KEPT_ANSWERS(-27);

    final int order;

    RouteOrder(int order) {
        this.order = order;
    }
}
