package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CompanyRecord;
import org.tradeflows.model.GlobalId;

@Description("A legal entity that sends, receives or passes on goods.")
public record Company(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("Name in Latin script, as used in the sources.") String name,
        @Description("Name in its original script (Chinese, Cyrillic, ...) where a source gives it.") String nameOriginal,
        @Description("City of registration where known.") String city,
        @Description("Special economic zone it is registered in, e.g. Alabuga.") String specialEconomicZone,
        @Description("What the sources say the company does.") String description,
        @Ignore long dbId,
        @Ignore String countryCode,
        @Ignore Long sourceId) implements Node {

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }

    public static Company of(CompanyRecord r) {
        return new Company(GlobalId.of("Company", r.id()), r.name(), r.nameOriginal(), r.city(),
                r.specialEconomicZone(),
                r.description(), r.id(), r.countryCode(), r.sourceId());
    }

    public static List<Company> of(List<CompanyRecord> rows) {
        return rows.stream().map(Company::of).toList();
    }
}
