package org.tradeflows.api.types;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.SourceKind;
import org.tradeflows.model.SourceRecord;

/**
 * The GraphQL type Source. The Java name differs so that resolvers, which take their parents as SmallRye's
 * {@code @Source}, can import both.
 */
@Type("Source")
@Description("Where a figure or fact comes from, with a ready citation.")
public record SourceType(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("Stable short key, e.g. telegraph-2025-09-03.") String key,
        @NonNull @Description("Title of the publication.") String title,
        @Description("Publisher; empty where not known.") String publisher,
        @Description("Address of the publication; empty where none is known.") String url,
        @Description("Publication date; empty where not known.") LocalDate publishedOn,
        @NonNull @Description("Kind of publication.") SourceKind kind,
        @Description("Licence or terms of reuse.") String licence,
        @NonNull @Description("Ready-to-use citation text.") String citation,
        @Description("Remarks on the source.") String note) implements Node {

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }

    public static SourceType of(SourceRecord r) {
        return new SourceType(GlobalId.of("Source", r.id()), r.key(), r.title(), r.publisher(), r.url(), r.publishedOn(),
                r.kind(), r.licence(), r.citation(), r.note());
    }

    public static List<SourceType> of(List<SourceRecord> rows) {
        return rows.stream().map(SourceType::of).toList();
    }
}
