package org.tradeflows.model;

import java.time.OffsetDateTime;

/** One entry of the audit trail as stored, with database ids; the API's AuditEntry is made from it. */
public record AuditEntryRecord(long id, OffsetDateTime at, String actor, AuditAction action, String recordType,
        long recordId, String before, String after, Long undoesId, Long undoneById) {
}
