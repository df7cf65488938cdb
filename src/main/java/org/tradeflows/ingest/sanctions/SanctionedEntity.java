package org.tradeflows.ingest.sanctions;

import java.time.LocalDate;
import java.util.List;
import org.tradeflows.ingest.company.Identifier;

/** A company-like entity of a sanctions list with its sanctions, as read from either OpenSanctions format. */
record SanctionedEntity(long line, String id, String name, List<String> aliases, List<String> formerNames,
        List<String> countries, List<Identifier> identifiers, List<Listing> sanctions) {

    /** One sanction on the entity. */
    record Listing(String authority, String program, LocalDate listedOn, LocalDate endedOn, String note) {
    }
}
