package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.AuditEntryRecord;
import org.tradeflows.model.GlobalId;

@Description("One change made through the API: who, when, what, and the record before and after it.")
public record AuditEntry(
        @NonNull @Id @Description("Global id of the entry (pass a merge's entry to undoMerge).") String id,
        @NonNull @Description("When the change was made.") OffsetDateTime at,
        @NonNull @Description("Who made it: the API key's holder and number.") String actor,
        @NonNull @Description("What the change did.") AuditAction action,
        @NonNull @Description("Kind of the changed record, e.g. Company, Sanction, ApiKey.") String recordType,
        @NonNull @Id @Description("Global id of the changed record.") String recordId,
        @Description("The record before the change, as a JSON object; empty for a new record.") String before,
        @Description("The record after the change, as a JSON object; empty for a removed one.") String after,
        @Id @Description("The entry this one undid, for UNDO_MERGE.") String undoes,
        @Id @Description("The entry that undid this one, if any.") String undoneBy) {

    /** The entry as the API shows it: every database id made a global id. */
    public static AuditEntry of(AuditEntryRecord r) {
        return new AuditEntry(GlobalId.of("AuditEntry", r.id()), r.at(), r.actor(), r.action(), r.recordType(),
                GlobalId.of(r.recordType(), r.recordId()), r.before(), r.after(),
                r.undoesId() == null ? null : GlobalId.of("AuditEntry", r.undoesId()),
                r.undoneById() == null ? null : GlobalId.of("AuditEntry", r.undoneById()));
    }
}
