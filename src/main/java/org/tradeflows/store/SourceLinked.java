package org.tradeflows.store;

import java.util.Optional;

/**
 * A store whose records cite a source (companies, sanctions, findings, trade figures): each reads and sets the
 * source column of its own table, so that attaching a source (curation/SourceCorrections) writes through the table's
 * owner. The record kind is picked from a fixed map, never from the request's text.
 */
public interface SourceLinked {

    /** A record's present source (null: none). */
    record Link(Long sourceId) {
    }

    /** The record's present source, the record locked for the caller's transaction; empty when there is no such record. */
    Optional<Link> lockSourceLink(long id);

    void setSource(long id, long sourceId);
}
