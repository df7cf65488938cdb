package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.FindingKind;
import org.tradeflows.model.FindingRecord;
import org.tradeflows.model.GlobalId;

@Description("A reported figure about a set of flows, e.g. '97 Chinese suppliers sent at least EUR 55 million to "
        + "sanctioned Russian firms in 2023–2024'. A claim, not a transaction: never add findings to each other or to "
        + "shipments (one may be part of another, see partOf).")
public record Finding(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("Stable short key, e.g. direct-supplies-to-sanctioned-firms.") String key,
        @NonNull @Description("What the finding reports.") FindingKind kind,
        @NonNull @Description("The claim in one sentence.") String statement,
        @Description("The source's own words, where quoted.") String quote,
        @Description("The money figure as the source states it; empty where the finding has none.") Money value,
        @Description("The counted figure (suppliers, firms, drones); empty where the finding has none.") Count count,
        @NonNull @Description("The period the finding speaks about; start and end are empty where the source gives none.") Period period,
        @NonNull @Description("False where the finding appears in one source only and is unconfirmed elsewhere.") boolean confirmed,
        @NonNull @Description("True where the source says the goods went (partly) through intermediaries.") boolean throughIntermediaries,
        @Description("Remarks: what the figure does not say, how goods were read as HS codes.") String note,
        @NonNull @Description("Ready-to-use citation of the finding's source.") String citation,
        @Ignore long dbId,
        @Ignore long sourceId,
        @Ignore Long partOfId) implements Node {

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }

    public static Finding of(FindingRecord r) {
        return new Finding(GlobalId.of("Finding", r.id()), r.key(), r.kind(), r.statement(), r.quote(),
                Money.of(r.value()),
                Count.of(r.count()), Period.of(r.period()), r.confirmed(), r.throughIntermediaries(), r.note(),
                r.citation(), r.id(), r.sourceId(), r.partOfId());
    }

    public static List<Finding> of(List<FindingRecord> rows) {
        return rows.stream().map(Finding::of).toList();
    }
}
