package org.tradeflows.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.Sanction;
import org.tradeflows.api.types.SanctionConnection;
import org.tradeflows.api.types.SanctionEdge;
import org.tradeflows.input.Codes;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.input.SanctionFilter;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.SanctionStore;

/** Sanctions listings across authorities. */
@GraphQLApi
public class SanctionApi {

    private final SanctionStore sanctions;
    private final CompanyStore companies;
    private final Codes codes;
    private final ReleaseRefs releaseRefs;

    public SanctionApi(SanctionStore sanctions, CompanyStore companies, Codes codes, ReleaseRefs releaseRefs) {
        this.releaseRefs = releaseRefs;
        this.sanctions = sanctions;
        this.companies = companies;
        this.codes = codes;
    }

    @Query("sanctions")
    @Description("Sanctions listings, in the order they were recorded; with asOf, as they stood at that release (a "
            + "listing a later load or correction ended, revised or withdrew shows as it was then).")
    public SanctionConnection sanctions(
            @Name("filter") @Description("Conditions the listings must meet.") SanctionFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        Long release = releaseRefs.asOf("asOf", asOf);
        SanctionFilter f = filter == null ? null : new SanctionFilter(filter.authorities(),
                codes.countries("filter.companyCountries", filter.companyCountries()), filter.inForceOn(), filter.confirmed(), filter.includeSynthetic());
        Page page = Page.of(first, after, 1);
        List<Sanction> rows = Sanction.of(sanctions.page(f,
                page.hasAfter() ? Page.parseLongKey(page.afterKey(0), "after") : null,
                page.limit(), release));
        Page.Slice<SanctionEdge> slice = page.slice(rows, s -> Page.cursor(GlobalId.parse(s.id()).key()), SanctionEdge::new);
        return new SanctionConnection(slice.edges(), slice.pageInfo(), sanctions.count(f, release));
    }

    @Description("The listed company.")
    public List<Company> company(@Source List<Sanction> list) {
        return Batch.oneByEntry(list, Sanction::companyId,
                Batch.mapped(companies.byIds(Batch.keys(list, Sanction::companyId)), Company::of));
    }
}
