package org.tradeflows.api.types;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.SourceKind;

@Input("SourceInput")
@Description("A new source: a report, statistics release, sanctions list or registry.")
public record SourceInput(
        @NonNull @Description("Stable short key: lower-case letters, digits, '.', '_' and '-', up to 100 characters.") String key,
        @NonNull @Description("Title of the publication, 1 to 500 characters.") String title,
        @Description("Publisher, up to 300 characters.") String publisher,
        @Description("Address of the publication (http or https), up to 2000 characters.") String url,
        @Description("Publication date.") LocalDate publishedOn,
        @NonNull @Description("Kind of publication.") SourceKind kind,
        @Description("Licence or terms of reuse, up to 300 characters.") String licence,
        @NonNull @Description("Ready-to-use citation text, 1 to 2000 characters.") String citation,
        @Description("Remarks, up to 2000 characters.") String note) {
}
