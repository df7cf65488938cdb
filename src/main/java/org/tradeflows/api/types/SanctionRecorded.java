package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.LiveEventRecord;
import org.tradeflows.model.SanctionRecord;

@Description("A sanctions listing was recorded (by a curator, an upload or a fetch of a sanctions list).")
public record SanctionRecorded(
        @NonNull @Description(LiveEvent.SEQUENCE) long sequence,
        @NonNull @Description("When the event was recorded (just after the listing committed).") OffsetDateTime at,
        @NonNull @Description("The listing, with its company.") Sanction sanction) {

    public static SanctionRecorded of(LiveEventRecord e, SanctionRecord s) {
        return new SanctionRecorded(e.seq(), e.createdAt(), Sanction.of(s));
    }
}
