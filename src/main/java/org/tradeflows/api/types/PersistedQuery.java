package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.PersistedQueryRecord;

@Description("A GraphQL document registered under the SHA-256 of its text: clients may send the hash instead of the "
        + "text (extensions.persistedQuery), and its permalink re-runs it as of a data release.")
public record PersistedQuery(
        @NonNull @Description("SHA-256 of the document's exact text (UTF-8), 64 lower-case hexadecimal digits.") String sha256Hash,
        @Description("Its title, used when it is cited.") String name,
        @NonNull @Description("The document itself.") String document,
        @NonNull @Description("Who registered it: ADMIN (registerPersistedQuery), EXAMPLE (graphql/examples) or "
                + "EXPLORER (graphql/explorer, the explorer's own queries).") String origin,
        @NonNull @Description("When it was registered.") OffsetDateTime registeredAt,
        @NonNull @Description("Its permalink, relative to the service: GET it, with ?asOf=<release>&variables=<JSON>, for "
                + "the answer as of that release and how to cite it.") String permalink) {

    public static PersistedQuery of(PersistedQueryRecord r) {
        return new PersistedQuery(r.sha256(), r.name(), r.document(), r.origin(), r.registeredAt(), "/q/" + r.sha256());
    }
}
