package org.tradeflows.curation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;

/** Curated corrections: refused without the curator role (changing nothing), validated, and audited one by one. */
@QuarkusTest
class CorrectionsTest {

    private static final String TRAIL = """
            query($r: ID!) { auditTrail(filter: {recordId: $r}, first: 100) { totalCount
              edges { node { action actor recordId before after } } } }""";

    @Inject
    AgroalDataSource ds;

    private Fixtures db;
    private String curator;
    private long company;
    private String companyId;
    private String sourceId;

    @BeforeEach
    void setUp() {
        db = new Fixtures(ds);
        curator = Keys.create("CURATOR", "corrections test");
        company = db.company("Corrections Test Trading " + System.nanoTime(), "CN");
        companyId = GlobalId.of("Company", company);
        sourceId = GlobalId.of("Source", db.anySource());
    }

    /** Every mutation once, with valid input for the fixture company. */
    private List<Map.Entry<String, Map<String, Object>>> everyMutation() {
        return List.of(
                Map.entry("mutation($i: CompanyUpdate!) { updateCompany(input: $i) { id } }",
                        Map.of("i", Map.of("id", companyId, "city", "Ningbo"))),
                Map.entry("mutation($i: AliasInput!) { addCompanyAlias(input: $i) { id } }",
                        Map.of("i", Map.of("companyId", companyId, "name", "CTT"))),
                Map.entry("mutation($i: IdentifierInput!) { addCompanyIdentifier(input: $i) { id } }",
                        Map.of("i", Map.of("companyId", companyId, "scheme", "OTHER", "value", "ct-" + company))),
                Map.entry("mutation($i: SanctionInput!) { recordSanction(input: $i) { id } }",
                        Map.of("i", Map.of("companyId", companyId, "authority", "UK", "listedOn", "2024-05-09", "sourceId", sourceId))),
                Map.entry("mutation($i: SourceAttachment!) { attachSource(input: $i) { recordId } }",
                        Map.of("i", Map.of("recordId", companyId, "sourceId", sourceId))),
                Map.entry("mutation($i: MergeInput!) { mergeCompanies(input: $i) { auditEntryId } }",
                        Map.of("i", Map.of("survivorId", companyId, "mergedId", GlobalId.of("Company", db.company("Other", "CN"))))));
    }

    @Test
    void writesWithoutAKeyOrWithAReaderKeyAreRefusedAndChangeNothing() {
        String reader = Keys.create("READER", "reader");
        String before = state();
        long entries = auditCount();
        for (var m : everyMutation()) {
            JsonPath anonymous = GraphQL.postAs(null, m.getKey(), m.getValue());
            assertThat(anonymous.getString("errors[0].extensions.code")).as(m.getKey()).isEqualTo("UNAUTHENTICATED");
            assertThat(anonymous.getString("errors[0].message")).contains("API key");
            JsonPath lower = GraphQL.postAs(reader, m.getKey(), m.getValue());
            assertThat(lower.getString("errors[0].extensions.code")).as(m.getKey()).isEqualTo("FORBIDDEN");
        }
        assertThat(state()).isEqualTo(before);
        assertThat(auditCount()).isEqualTo(entries);
    }

    @Test
    void everyCorrectionIsAuditedWithWhoWhatBeforeAndAfter() {
        for (var m : everyMutation()) {
            GraphQL.dataAs(curator, m.getKey(), m.getValue());
        }
        GraphQL.dataAs(curator, "mutation($i: AliasInput!) { removeCompanyAlias(input: $i) { id } }",
                Map.of("i", Map.of("companyId", companyId, "name", "CTT")));
        GraphQL.dataAs(curator, "mutation($i: IdentifierInput!) { removeCompanyIdentifier(input: $i) { id } }",
                Map.of("i", Map.of("companyId", companyId, "scheme", "OTHER", "value", "ct-" + company)));

        JsonPath trail = GraphQL.dataAs(Keys.ADMIN, TRAIL, Map.of("r", companyId));
        assertThat(trail.getList("data.auditTrail.edges.node.action")).containsExactly("REMOVE_IDENTIFIER", "REMOVE_ALIAS",
                "ATTACH_SOURCE", "ADD_IDENTIFIER", "ADD_ALIAS", "UPDATE_COMPANY");
        assertThat(trail.getList("data.auditTrail.edges.node.actor", String.class)).allMatch(a -> a.matches("corrections test \\d+ \\(key #\\d+\\)"));
        Map<String, Object> update = trail.getMap("data.auditTrail.edges[5].node");
        assertThat((String) update.get("before")).contains("\"city\": null");
        assertThat((String) update.get("after")).contains("\"city\": \"Ningbo\"");

        String sanction = db.sql("select id from sanction where company_id = ? and authority = 'UK'", company).get(0).toString();
        String sanctionId = GlobalId.of("Sanction", Long.parseLong(sanction));
        JsonPath ended = GraphQL.dataAs(curator, "mutation($i: SanctionEnd!) { endSanction(input: $i) { endedOn } }",
                Map.of("i", Map.of("sanctionId", sanctionId, "endedOn", "2025-01-31")));
        assertThat(ended.getString("data.endSanction.endedOn")).isEqualTo("2025-01-31");
        assertThat(GraphQL.dataAs(Keys.ADMIN, TRAIL, Map.of("r", sanctionId)).getList("data.auditTrail.edges.node.action"))
                .containsExactly("END_SANCTION", "RECORD_SANCTION");
        assertThat(GraphQL.dataAs(Keys.ADMIN, "{ auditTrail(filter: {actions: [MERGE_COMPANIES]}, first: 1) { totalCount } }", null)
                .getLong("data.auditTrail.totalCount")).isPositive();
    }

    @Test
    void invalidInputIsRefusedNamingTheField() {
        Map<String, Map.Entry<String, Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("input.name", Map.entry("mutation($i: CompanyUpdate!) { updateCompany(input: $i) { id } }",
                Map.of("i", Map.of("id", companyId, "name", "  "))));
        cases.put("input.countryCode", Map.entry("mutation($i: CompanyUpdate!) { updateCompany(input: $i) { id } }",
                Map.of("i", Map.of("id", companyId, "countryCode", "XX"))));
        cases.put("input.id", Map.entry("mutation($i: CompanyUpdate!) { updateCompany(input: $i) { id } }",
                Map.of("i", Map.of("id", "not-an-id"))));
        cases.put("input.value", Map.entry("mutation($i: IdentifierInput!) { addCompanyIdentifier(input: $i) { id } }",
                Map.of("i", Map.of("companyId", companyId, "scheme", "INN", "value", "12345"))));
        cases.put("input.endedOn", Map.entry("mutation($i: SanctionInput!) { recordSanction(input: $i) { id } }",
                Map.of("i", Map.of("companyId", companyId, "authority", "EU", "listedOn", "2024-05-09", "endedOn", "2023-01-01",
                        "sourceId", sourceId))));
        cases.put("input.sourceId", Map.entry("mutation($i: SanctionInput!) { recordSanction(input: $i) { id } }",
                Map.of("i", Map.of("companyId", companyId, "authority", "EU", "sourceId", companyId))));
        cases.put("input.key", Map.entry("mutation($i: SourceInput!) { createSource(input: $i) { id } }",
                Map.of("i", Map.of("key", "Bad Key!", "title", "t", "kind", "NEWS_REPORT", "citation", "c"))));
        cases.put("input.url", Map.entry("mutation($i: SourceInput!) { createSource(input: $i) { id } }",
                Map.of("i", Map.of("key", "ok-key-" + company, "title", "t", "kind", "NEWS_REPORT", "citation", "c",
                        "url", "javascript:alert(1)"))));
        cases.put("input.recordId", Map.entry("mutation($i: SourceAttachment!) { attachSource(input: $i) { recordId } }",
                Map.of("i", Map.of("recordId", GlobalId.of("Country", "CN"), "sourceId", sourceId))));
        String before = state();
        cases.forEach((field, m) -> {
            JsonPath answer = GraphQL.postAs(curator, m.getKey(), m.getValue());
            assertThat(answer.getString("errors[0].extensions.code")).as(field).isEqualTo("BAD_USER_INPUT");
            assertThat(answer.getString("errors[0].message")).as(field).startsWith(field + ":");
        });
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void createdSourcesCanBeCitedByNewListings() {
        JsonPath source = GraphQL.dataAs(curator, "mutation($i: SourceInput!) { createSource(input: $i) { id key kind } }",
                Map.of("i", Map.of("key", "uk-sanctions-list-" + company, "title", "UK sanctions list", "kind", "SANCTIONS_LIST",
                        "citation", "HM Treasury, UK sanctions list", "url", "https://www.gov.uk/")));
        String id = source.getString("data.createSource.id");
        JsonPath listing = GraphQL.dataAs(curator, "mutation($i: SanctionInput!) { recordSanction(input: $i) { authority "
                + "listedOn confirmed } }", Map.of("i", Map.of("companyId", companyId, "authority", "UK", "listedOn", "2024-05-09",
                        "sourceId", id)));
        assertThat(listing.getBoolean("data.recordSanction.confirmed")).isTrue();
        JsonPath duplicate = GraphQL.postAs(curator, "mutation($i: SanctionInput!) { recordSanction(input: $i) { id } }",
                Map.of("i", Map.of("companyId", companyId, "authority", "UK", "listedOn", "2024-05-09", "sourceId", id)));
        assertThat(duplicate.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(GraphQL.data("query($id: ID!) { company(id: $id) { sanctioned(on: \"2024-06-01\") } }", Map.of("id", companyId))
                .getBoolean("data.company.sanctioned")).isTrue();
    }

    private long auditCount() {
        return GraphQL.dataAs(Keys.ADMIN, "{ auditTrail { totalCount } }", null).getLong("data.auditTrail.totalCount");
    }

    private String state() {
        return db.text("""
                select jsonb_build_object('company', (select to_jsonb(c) from company c where c.id = ?),
                  'aliases', (select count(*) from company_alias where company_id = ?),
                  'identifiers', (select count(*) from company_identifier where company_id = ?),
                  'sanctions', (select count(*) from sanction where company_id = ?),
                  'merged', (select count(*) from company where merged_into_id = ?),
                  'sources', (select count(*) from source))::text""", company, company, company, company, company);
    }
}
