package org.tradeflows.security;

/** The roles an API key carries. Anonymous callers have none and may read. */
public final class Roles {
    /** Higher limits for scripts and newsrooms. */
    public static final String READER = "reader";
    /** Loads data and corrects entities. */
    public static final String CURATOR = "curator";
    /** Manages keys; can do everything a curator can. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
