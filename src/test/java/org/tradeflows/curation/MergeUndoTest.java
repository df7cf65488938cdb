package org.tradeflows.curation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;

/** A merge moves everything of the merged company to the survivor; its undo restores the exact state before it. */
@QuarkusTest
class MergeUndoTest {

    private static final String MERGE = """
            mutation($i: MergeInput!) { mergeCompanies(input: $i) { auditEntryId survivor { id name aliases { name } } } }""";
    private static final String UNDO = "mutation($e: ID!) { undoMerge(auditEntryId: $e) { id name } }";

    @Inject
    AgroalDataSource ds;

    private Fixtures db;
    private String curator;

    @BeforeEach
    void setUp() {
        db = new Fixtures(ds);
        curator = Keys.create("CURATOR", "merge test");
    }

    @Test
    void mergeAndUndoRoundTripExactly() {
        long source = db.anySource();
        long survivor = db.company("Peak Cloud Import and Export", "CN");
        long merged = db.company("Ningbo Peak Cloud I/E Co", "CN");
        db.sql("update company set name_original = '宁波峰云' where id = ?", merged);
        long other = db.company("Some Owner Holding", "CN");
        // aliases: one the survivor has too (collides), one of its own
        db.sql("insert into company_alias (company_id, alias, kind) values (?, 'Peak Cloud', 'ALIAS'), (?, 'Peak Cloud', 'ALIAS'), "
                + "(?, 'NPC IE', 'ABBREVIATION')", survivor, merged, merged);
        db.sql("insert into company_identifier (company_id, scheme, value) values (?, 'OTHER', ?)", merged, "merge-" + merged);
        // sanctions: the same EU listing on both (collides) and a US one on the merged record only
        db.sql("insert into sanction (company_id, authority, program, listed_on, source_id) values "
                + "(?, 'EU', 'Annex IV', '2024-02-23', ?), (?, 'EU', 'Annex IV', '2024-02-23', ?), (?, 'US_BIS', 'Entity List', '2023-06-01', ?)",
                survivor, source, merged, source, merged, source);
        long finding = db.sql("select min(id) from finding").get(0);
        db.sql("insert into finding_company (finding_id, company_id, role) values (?, ?, 'SUPPLIER'), (?, ?, 'SUPPLIER'), (?, ?, 'SUBJECT')",
                finding, survivor, finding, merged, finding, merged);
        db.sql("insert into ownership (owner_id, owned_id, source_id) values (?, ?, ?), (?, ?, ?)",
                other, merged, source, merged, survivor, source);
        // the story's release: other tests delete and reload the reference release, which must stay free of references
        long release = db.sql("select max(id) from data_release where kind = 'STORY'").get(0);
        long shipment = db.sql("""
                insert into shipment (release_id, source_id, source_record_ref, supplier_id, recipient_id, supplier_country,
                    recipient_country, period_start, period_end, hs_code, product_code, value, currency, value_qualifier)
                values (?, ?, ?, ?, null, 'CN', 'RU', '2023-01-01', '2023-03-31', '840710', '840710', 1000, 'EUR', 'EXACT')
                returning id""", release, source, "merge-test-" + merged, merged).get(0);
        db.sql("insert into shipment_intermediary (shipment_id, position, company_id) values (?, 1, ?)", shipment, merged);
        try {
            mergeAndUndo(survivor, merged, other, shipment);
        } finally {
            db.sql("delete from shipment where id = ?", shipment); // a flow invented for the test leaves no trace
        }
    }

    private void mergeAndUndo(long survivor, long merged, long other, long shipment) {

        String before = state(survivor, merged);
        String survivorId = GlobalId.of("Company", survivor);
        String mergedId = GlobalId.of("Company", merged);

        JsonPath result = GraphQL.dataAs(curator, MERGE, Map.of("i", Map.of("survivorId", survivorId, "mergedId", mergedId)));
        String entry = result.getString("data.mergeCompanies.auditEntryId");
        assertThat(result.getList("data.mergeCompanies.survivor.aliases.name"))
                .contains("Peak Cloud", "NPC IE", "Ningbo Peak Cloud I/E Co", "宁波峰云");

        // the merged id resolves to the survivor, which now carries the flows, listings, findings and identifiers
        assertThat(GraphQL.data("query($id: ID!) { company(id: $id) { id } }", Map.of("id", mergedId))
                .getString("data.company.id")).isEqualTo(survivorId);
        assertThat(db.sql("select supplier_id from shipment where id = ?", shipment)).containsExactly(survivor);
        assertThat(db.sql("select company_id from shipment_intermediary where shipment_id = ?", shipment)).containsExactly(survivor);
        assertThat(db.sql("select count(*) from sanction where company_id = ?", survivor)).containsExactly(2L);
        assertThat(db.sql("select count(*) from sanction where company_id = ?", merged)).containsExactly(0L);
        assertThat(db.sql("select count(*) from finding_company where company_id = ?", survivor)).containsExactly(2L);
        assertThat(db.sql("select count(*) from company_identifier where company_id = ?", survivor)).containsExactly(1L);
        assertThat(db.sql("select count(*) from ownership where owned_id = ? and owner_id = ?", survivor, other)).containsExactly(1L);
        assertThat(db.sql("select count(*) from ownership where owner_id = owned_id")).containsExactly(0L);
        assertThat(GraphQL.data("{ companies(filter: {search: \"Ningbo Peak Cloud I/E\"}) { edges { node { id } } } }")
                .getList("data.companies.edges.node.id")).containsExactly(survivorId);

        // a second merge of the same company, or a merge into a merged one, is refused
        JsonPath again = GraphQL.postAs(curator, MERGE, Map.of("i", Map.of("survivorId", survivorId, "mergedId", mergedId)));
        assertThat(again.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(again.getString("errors[0].message")).startsWith("input.mergedId:");

        JsonPath undone = GraphQL.dataAs(curator, UNDO, Map.of("e", entry));
        assertThat(undone.getString("data.undoMerge.id")).isEqualTo(mergedId);
        assertThat(state(survivor, merged)).isEqualTo(before);

        JsonPath twice = GraphQL.postAs(curator, UNDO, Map.of("e", entry));
        assertThat(twice.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(twice.getString("errors[0].message")).contains("undone already");

        JsonPath trail = GraphQL.dataAs(Keys.ADMIN, """
                query($r: ID!) { auditTrail(filter: {recordId: $r}) { edges { node { id action undoes undoneBy after } } } }""",
                Map.of("r", mergedId));
        assertThat(trail.getList("data.auditTrail.edges.node.action")).containsExactly("UNDO_MERGE", "MERGE_COMPANIES");
        assertThat(trail.getString("data.auditTrail.edges[0].node.undoes")).isEqualTo(entry);
        assertThat(trail.getString("data.auditTrail.edges[1].node.undoneBy"))
                .isEqualTo(trail.getString("data.auditTrail.edges[0].node.id"));
        assertThat(trail.getString("data.auditTrail.edges[1].node.after")).contains("\"supplierShipments\": [" + shipment + "]");
    }

    @Test
    void mergeInputsAreChecked() {
        long a = db.company("Merge Check A", "RU");
        String id = GlobalId.of("Company", a);
        JsonPath self = GraphQL.postAs(curator, MERGE, Map.of("i", Map.of("survivorId", id, "mergedId", id)));
        assertThat(self.getString("errors[0].message")).startsWith("input.mergedId:");
        JsonPath wrongType = GraphQL.postAs(curator, MERGE, Map.of("i", Map.of("survivorId", id,
                "mergedId", GlobalId.of("Country", "RU"))));
        assertThat(wrongType.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(wrongType.getString("errors[0].message")).startsWith("input.mergedId:");
        JsonPath missing = GraphQL.postAs(curator, MERGE, Map.of("i", Map.of("survivorId", id,
                "mergedId", GlobalId.of("Company", 987654321L))));
        assertThat(missing.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        JsonPath notAMerge = GraphQL.postAs(curator, UNDO, Map.of("e", GlobalId.of("Company", a)));
        assertThat(notAMerge.getString("errors[0].message")).startsWith("auditEntryId:");
    }

    /** Every row that names either company, as JSON, in a stable order. */
    private String state(long survivor, long merged) {
        Long[] ids = {survivor, merged};
        return db.text("""
                select jsonb_build_object(
                  'companies', (select jsonb_agg(to_jsonb(c) order by c.id) from company c where c.id = any(?)),
                  'aliases', (select jsonb_agg(to_jsonb(a) order by a.id) from company_alias a where a.company_id = any(?)),
                  'identifiers', (select jsonb_agg(to_jsonb(i) order by i.id) from company_identifier i where i.company_id = any(?)),
                  'sanctions', (select jsonb_agg(to_jsonb(s) order by s.id) from sanction s where s.company_id = any(?)),
                  'findings', (select jsonb_agg(to_jsonb(f) order by f.finding_id, f.company_id, f.role) from finding_company f
                                where f.company_id = any(?)),
                  'shipments', (select jsonb_agg(jsonb_build_array(s.id, s.supplier_id, s.recipient_id) order by s.id) from shipment s
                                where s.supplier_id = any(?) or s.recipient_id = any(?)),
                  'intermediaries', (select jsonb_agg(to_jsonb(x) order by x.shipment_id, x.position) from shipment_intermediary x
                                where x.company_id = any(?)),
                  'ownership', (select jsonb_agg(to_jsonb(o) order by o.owner_id, o.owned_id) from ownership o
                                where o.owner_id = any(?) or o.owned_id = any(?)))::text""",
                ids, ids, ids, ids, ids, ids, ids, ids, ids, ids);
    }
}
