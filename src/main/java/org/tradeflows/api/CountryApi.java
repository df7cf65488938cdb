package org.tradeflows.api;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.CountryConnection;
import org.tradeflows.api.types.CountryEdge;
import org.tradeflows.input.Codes;
import org.tradeflows.input.CountryFilter;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.store.CountryStore;

/** Look-ups and lists of countries. */
@GraphQLApi
public class CountryApi {

    private final CountryStore countries;

    private final Codes codes;

    public CountryApi(CountryStore countries, Codes codes) {
        this.countries = countries;
        this.codes = codes;
    }

    @Query("country")
    @Description("A country by ISO 3166-1 alpha-2, alpha-3 or numeric code, e.g. CN, CHN or 156. Fails with NOT_FOUND for an unknown code.")
    public Country country(@NonNull @Name("code") @Description("An " + CountryCodes.ACCEPTED + ".") String code) {
        String c = codes.alpha2(code).orElseThrow(() -> new NotFoundException("code: no country with the ISO code '"
                + Printable.of(code) + "'; give an " + CountryCodes.ACCEPTED));
        return countries.byCode(c).map(Country::of).orElseThrow();
    }

    @Query("countries")
    @Description("Countries and territories of ISO 3166-1, ordered by alpha-2 code.")
    public CountryConnection countries(
            @Name("filter") @Description("Conditions the countries must meet.") CountryFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        if (filter != null) {
            Codes.text("filter.search", filter.search(), 200);
        }
        Page page = Page.of(first, after, 1);
        List<Country> rows = Country.of(countries.page(filter, page.hasAfter() ? page.afterKey(0) : null,
                page.limit()));
        Page.Slice<CountryEdge> slice = page.slice(rows, c -> Page.cursor(c.code()), CountryEdge::new);
        return new CountryConnection(slice.edges(), slice.pageInfo(), countries.count(filter));
    }
}
