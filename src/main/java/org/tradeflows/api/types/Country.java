package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CountryRecord;
import org.tradeflows.model.GlobalId;

@Description("A country or territory of ISO 3166-1.")
public record Country(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("ISO 3166-1 alpha-2 code, e.g. CN.") String code,
        @NonNull @Description("ISO 3166-1 alpha-3 code, e.g. CHN.") String alpha3,
        @NonNull @Description("ISO 3166-1 numeric code, e.g. 156 (as a number, without leading zeros).") int numericCode,
        @NonNull @Description("Customary English short name, e.g. China.") String name,
        @Description("Official English name, e.g. People's Republic of China.") String officialName,
        @Description("Official name in Russian.") String nameRu,
        @Description("Official name in Chinese.") String nameZh,
        @Description("UN M49 region, e.g. Asia.") String region,
        @Description("UN M49 sub-region, e.g. Eastern Asia.") String subregion) implements Node {

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }

    public static Country of(CountryRecord r) {
        return new Country(GlobalId.of("Country", r.code()), r.code(), r.alpha3(), r.numericCode(), r.name(),
                r.officialName(), r.nameRu(), r.nameZh(), r.region(), r.subregion());
    }

    public static List<Country> of(List<CountryRecord> rows) {
        return rows.stream().map(Country::of).toList();
    }
}
