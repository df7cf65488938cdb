package org.tradeflows.model;

import java.time.LocalDate;

/** A listing of a company as stored, with database ids; the API's Sanction is made from it. */
public record SanctionRecord(long id, SanctionAuthority authority, String program, LocalDate listedOn, LocalDate endedOn,
        boolean confirmed, String note, long companyId, long sourceId) {
}
