package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.AuditEntryRecord;
import org.tradeflows.model.LiveEventRecord;

@Description("A curator's correction was recorded (a company changed or merged, an alias, identifier, listing or source "
        + "added or removed): its entry in the audit trail. Sent to curator and admin keys only.")
public record CorrectionRecorded(
        @NonNull @Description(LiveEvent.SEQUENCE) long sequence,
        @NonNull @Description("When the event was recorded (just after the correction committed).") OffsetDateTime at,
        @NonNull @Description("The correction's audit entry: who, what, and the record before and after.") AuditEntry entry) {

    public static CorrectionRecorded of(LiveEventRecord e, AuditEntryRecord a) {
        return new CorrectionRecorded(e.seq(), e.createdAt(), AuditEntry.of(a));
    }
}
