package org.tradeflows.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.CompanyAlias;
import org.tradeflows.api.types.CompanyConnection;
import org.tradeflows.api.types.CompanyEdge;
import org.tradeflows.api.types.CompanyIdentifier;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.Finding;
import org.tradeflows.api.types.Sanction;
import org.tradeflows.input.CompanyFilter;
import org.tradeflows.input.Filters;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.FindingStore;
import org.tradeflows.store.SanctionStore;

/** Companies: search over names and aliases, and what hangs off a company (all batched). */
@GraphQLApi
public class CompanyApi {

    private final CompanyStore companies;
    private final CountryStore countries;
    private final SanctionStore sanctions;
    private final FindingStore findings;
    private final Filters filters;

    private final ReleaseRefs releaseRefs;

    public CompanyApi(CompanyStore companies, CountryStore countries, SanctionStore sanctions, FindingStore findings,
            Filters filters, ReleaseRefs releaseRefs) {
        this.releaseRefs = releaseRefs;
        this.companies = companies;
        this.countries = countries;
        this.sanctions = sanctions;
        this.findings = findings;
        this.filters = filters;
    }

    @Query("company")
    @Description("A company by global id; the id of a company merged into another resolves to the survivor.")
    public Company company(@NonNull @Id @Name("id") @Description("Global id of the company.") String id,
            @Name("includeSynthetic") @Description("Also find a synthetic (generated) company, which is not found by "
                    + "default.") Boolean includeSynthetic) {
        long key = GlobalId.numeric(id, "Company", "id");
        List<Map.Entry<Long, Company>> found = Boolean.TRUE.equals(includeSynthetic)
                || companies.syntheticAmong(List.of(key)).isEmpty()
                ? Batch.mapped(companies.byIds(List.of(key)), Company::of) : List.of();
        return found.stream().findFirst().map(Map.Entry::getValue)
                .orElseThrow(() -> new NotFoundException("id: could not resolve to a Company with the id '" + id + "'"));
    }

    @Query("companies")
    @Description("Companies ordered by name; search covers names in every script and all aliases.")
    public CompanyConnection companies(
            @Name("filter") @Description("Conditions the companies must meet.") CompanyFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        CompanyFilter f = filters.company(filter);
        Page page = Page.of(first, after, 2);
        List<Company> rows = Company.of(companies.page(f, page.hasAfter() ? page.afterKey(0) : null,
                page.hasAfter() ? Page.parseLongKey(page.afterKey(1), "after") : null, page.limit()));
        Page.Slice<CompanyEdge> slice = page.slice(rows,
                c -> Page.cursor(c.name().toLowerCase(java.util.Locale.ROOT), c.dbId()), CompanyEdge::new);
        return new CompanyConnection(slice.edges(), slice.pageInfo(), companies.count(f));
    }

    @Description("The company's country of registration.")
    public List<Country> country(@Source List<Company> list) {
        return Batch.one(list, Company::countryCode,
                Country.of(countries.byCodes(Batch.keys(list, Company::countryCode))), Country::code);
    }

    @Description("Other names: original script, transliterations, abbreviations, former names.")
    public List<List<@NonNull CompanyAlias>> aliases(@Source List<Company> list) {
        return Batch.many(list, Company::dbId,
                Batch.mapped(companies.aliases(Batch.keys(list, Company::dbId)), CompanyAlias::of));
    }

    @Description("Registry identifiers (INN, OGRN, unified social credit code, LEI, ...).")
    public List<List<@NonNull CompanyIdentifier>> identifiers(@Source List<Company> list) {
        return Batch.many(list, Company::dbId,
                Batch.mapped(companies.identifiers(Batch.keys(list, Company::dbId)), CompanyIdentifier::of));
    }

    @Description("All listings of the company, past and present, oldest first; with asOf, as they stood at that release.")
    public List<List<@NonNull Sanction>> sanctions(@Source List<Company> list,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        Long release = releaseRefs.asOf("asOf", asOf);
        return Batch.manyBy(list, Company::dbId,
                Sanction.of(sanctions.byCompanyIds(Batch.keys(list, Company::dbId), release)), Sanction::companyId);
    }

    @Description("Whether a confirmed listing is in force on the date (default today), optionally of given authorities; "
            + "with asOf, by the listings as they stood at that release.")
    public List<Boolean> sanctioned(@Source List<Company> list,
            @Name("on") @Description("The date; default today.") LocalDate on,
            @Name("authorities") @Description("Only listings of these authorities count.") List<SanctionAuthority> authorities,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        LocalDate date = on == null ? LocalDate.now() : on;
        Set<Long> sanctioned = sanctions.sanctionedAmong(Batch.keys(list, Company::dbId), date, authorities,
                releaseRefs.asOf("asOf", asOf));
        return list.stream().map(c -> sanctioned.contains(c.dbId())).toList();
    }

    @Description("Findings that speak about the company, in any role.")
    public List<List<@NonNull Finding>> findings(@Source List<Company> list) {
        return Batch.many(list, Company::dbId,
                Batch.mapped(findings.aboutCompanies(Batch.keys(list, Company::dbId)), Finding::of));
    }
}
