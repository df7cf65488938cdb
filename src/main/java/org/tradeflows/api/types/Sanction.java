package org.tradeflows.api.types;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.model.SanctionRecord;

@Description("A listing of a company by a sanctioning authority. A company is sanctioned at a date when a listing "
        + "began on or before it and had not ended.")
public record Sanction(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("The listing authority.") SanctionAuthority authority,
        @Description("Program or legal basis, e.g. Entity List, Executive Order 14024.") String program,
        @Description("Date of listing; empty where no source gives it.") LocalDate listedOn,
        @Description("Date the listing ended; empty while in force.") LocalDate endedOn,
        @NonNull @Description("False where the listing is only reported, not confirmed by a named source.") boolean confirmed,
        @Description("Remarks on the listing, e.g. an unconfirmed date.") String note,
        @Ignore long companyId,
        @Ignore long sourceId) implements Node {

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }

    public static Sanction of(SanctionRecord r) {
        return new Sanction(GlobalId.of("Sanction", r.id()), r.authority(), r.program(), r.listedOn(), r.endedOn(),
                r.confirmed(), r.note(), r.companyId(), r.sourceId());
    }

    public static List<Sanction> of(List<SanctionRecord> rows) {
        return rows.stream().map(Sanction::of).toList();
    }
}
