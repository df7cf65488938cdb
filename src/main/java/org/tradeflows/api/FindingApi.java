package org.tradeflows.api;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Finding;
import org.tradeflows.api.types.FindingCompany;
import org.tradeflows.api.types.FindingConnection;
import org.tradeflows.api.types.FindingCountry;
import org.tradeflows.api.types.FindingEdge;
import org.tradeflows.api.types.FindingProduct;
import org.tradeflows.api.types.Money;
import org.tradeflows.input.Filters;
import org.tradeflows.input.FindingFilter;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.store.FindingStore;

/** Findings: reported figures about sets of flows, listed with what they link to and never summed. */
@GraphQLApi
public class FindingApi {

    private final FindingStore findings;
    private final Filters filters;

    public FindingApi(FindingStore findings, Filters filters) {
        this.findings = findings;
        this.filters = filters;
    }

    @Query("finding")
    @Description("A finding by key, e.g. direct-supplies-to-sanctioned-firms. Fails with NOT_FOUND for an unknown key.")
    public Finding finding(@NonNull @Name("key") @Description("The finding's key.") String key) {
        return findings.byKey(key).map(Finding::of)
                .orElseThrow(() -> new NotFoundException("key: no finding '" + Printable.of(key) + "'"));
    }

    @Query("findings")
    @Description("Findings in the order they were recorded. Each is a claim of its own source: do not add them up.")
    public FindingConnection findings(
            @Name("filter") @Description("Conditions the findings must meet.") FindingFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        FindingFilter f = filters.finding(filter);
        Long company = f == null || f.company() == null ? null : GlobalId.numeric(f.company(), "Company", "filter.company");
        Page page = Page.of(first, after, 1);
        List<Finding> rows = Finding.of(findings.page(f, company,
                page.hasAfter() ? Page.parseLongKey(page.afterKey(0), "after") : null,
                page.limit()));
        Page.Slice<FindingEdge> slice = page.slice(rows, x -> Page.cursor(x.dbId()), FindingEdge::new);
        return new FindingConnection(slice.edges(), slice.pageInfo(), findings.count(f, company));
    }

    @Description("The larger finding this one is part of (e.g. the EUR 12.5 million to Alabuga within the EUR 55 million).")
    public List<Finding> partOf(@Source List<Finding> list) {
        return Batch.one(list, Finding::partOfId, Finding.of(findings.byIds(Batch.keys(list, Finding::partOfId))),
                Finding::dbId);
    }

    @Description("Findings that are part of this one.")
    public List<List<@NonNull Finding>> parts(@Source List<Finding> list) {
        return Batch.manyBy(list, Finding::dbId, Finding.of(findings.partsOf(Batch.keys(list, Finding::dbId))),
                Finding::partOfId);
    }

    @Description("The same claim as reported by other sources, which may give other figures or currencies. "
            + "They are the same money: never add them up.")
    public List<List<@NonNull Finding>> sameClaimAs(@Source List<Finding> list) {
        return Batch.many(list, Finding::dbId,
                Batch.mapped(findings.sameClaims(Batch.keys(list, Finding::dbId)), Finding::of));
    }

    @Description("The same figure in other currencies, as the source itself gives them (not converted by Tradeflows).")
    public List<List<@NonNull Money>> otherAmounts(@Source List<Finding> list) {
        return Batch.many(list, Finding::dbId,
                Batch.mapped(findings.otherAmounts(Batch.keys(list, Finding::dbId)), Money::of));
    }

    @Description("Companies the finding speaks about, with their roles.")
    public List<List<@NonNull FindingCompany>> companies(@Source List<Finding> list) {
        return Batch.many(list, Finding::dbId,
                Batch.mapped(findings.companies(Batch.keys(list, Finding::dbId)), FindingCompany::of));
    }

    @Description("Countries the finding speaks about, with their roles.")
    public List<List<@NonNull FindingCountry>> countries(@Source List<Finding> list) {
        return Batch.many(list, Finding::dbId,
                Batch.mapped(findings.countries(Batch.keys(list, Finding::dbId)), FindingCountry::of));
    }

    @Description("HS categories of the goods the finding names (Tradeflows' reading; see note).")
    public List<List<@NonNull FindingProduct>> products(@Source List<Finding> list) {
        return Batch.many(list, Finding::dbId,
                Batch.mapped(findings.products(Batch.keys(list, Finding::dbId)), FindingProduct::of));
    }

    @Description("The goods as the source names them, in its order.")
    public List<List<@NonNull String>> goods(@Source List<Finding> list) {
        return Batch.many(list, Finding::dbId, findings.goods(Batch.keys(list, Finding::dbId)));
    }
}
