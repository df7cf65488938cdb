package org.tradeflows.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.AuditEntryRecord;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CompanyRecord;
import org.tradeflows.model.Corrections;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.security.AuditTrail;
import org.tradeflows.store.AuditStore;
import org.tradeflows.store.CompanyStore;

/**
 * Merges two records of the same company and undoes a merge from its audit entry. The merge records every row it
 * moved or deleted in the entry, so the undo restores exactly the state before it.
 */
@ApplicationScoped
@Transactional
public class CompanyMerges {

    private final MergeSql sql;
    private final Lookups lookups;
    private final AuditTrail audit;
    private final AuditStore auditSql;
    private final CompanyStore companies;
    private final ObjectMapper json;

    public CompanyMerges(MergeSql sql, Lookups lookups, AuditTrail audit, AuditStore auditSql, CompanyStore companies,
            ObjectMapper json) {
        this.sql = sql;
        this.lookups = lookups;
        this.audit = audit;
        this.auditSql = auditSql;
        this.companies = companies;
        this.json = json;
    }

    public Corrections.Merged merge(String survivorId, String mergedId) {
        long s = lookups.key("input.survivorId", survivorId, "Company");
        long m = lookups.key("input.mergedId", mergedId, "Company");
        if (s == m) {
            throw new BadUserInputException("input.mergedId: a company cannot be merged into itself");
        }
        sql.lockCompanies(s, m);
        CompanyRecord survivor = lookups.liveCompany("input.survivorId", survivorId);
        CompanyRecord merged = lookups.liveCompany("input.mergedId", mergedId);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("merged", Records.snapshot(merged));
        before.put("survivor", Records.snapshot(survivor));

        Map<String, Object> moves = new LinkedHashMap<>();
        moves.put("survivorId", s);
        moves.put("mergedId", m);
        moves.put("supplierShipments", sql.moveSupplierShipments(m, s));
        moves.put("recipientShipments", sql.moveRecipientShipments(m, s));
        moves.put("intermediaries", sql.moveIntermediaries(m, s));
        moves.put("droppedFindingLinks", rows(sql.dropCollidingFindingLinks(m, s)));
        moves.put("findingLinks", sql.moveFindingLinks(m, s));
        moves.put("droppedSanctions", rows(sql.dropCollidingSanctions(m, s)));
        moves.put("sanctions", sql.moveSanctions(m, s));
        moves.put("droppedAliases", rows(sql.dropCollidingAliases(m, s)));
        moves.put("aliases", sql.moveAliases(m, s));
        moves.put("addedAliases", sql.addNamesAsAliases(m, s));
        moves.put("identifiers", sql.moveIdentifiers(m, s));
        moves.put("droppedOwnership", rows(sql.dropCollidingOwnership(m, s)));
        moves.put("owned", sql.moveOwned(m, s));
        moves.put("owners", sql.moveOwners(m, s));
        sql.setMergedInto(m, s);

        long entry = audit.record(AuditAction.MERGE_COMPANIES, "Company", m, before, moves);
        return new Corrections.Merged(survivor(s), GlobalId.of("AuditEntry", entry));
    }

    public CompanyRecord undo(String auditEntryId) {
        long entryId = lookups.key("auditEntryId", auditEntryId, "AuditEntry");
        AuditEntryRecord entry = auditSql.lockById(entryId)
                .orElseThrow(() -> new NotFoundException("auditEntryId: no audit entry with the id '" + auditEntryId + "'"));
        if (entry.action() != AuditAction.MERGE_COMPANIES) {
            throw new BadUserInputException("auditEntryId: the entry records " + entry.action() + ", not a merge");
        }
        if (entry.undoneById() != null) {
            throw new BadUserInputException("auditEntryId: the merge was undone already by "
                    + GlobalId.of("AuditEntry", entry.undoneById()));
        }
        JsonNode moves = parse(entry.after());
        long s = moves.path("survivorId").asLong();
        long m = moves.path("mergedId").asLong();
        sql.lockCompanies(s, m);
        Long into = sql.mergedInto(m);
        if (into == null || into != s) {
            throw new BadUserInputException("auditEntryId: the merged company is no longer merged into the survivor");
        }
        if (sql.mergedInto(s) != null) {
            throw new BadUserInputException("auditEntryId: the survivor was merged into "
                    + GlobalId.of("Company", sql.mergedInto(s)) + " since; undo that merge first");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("mergedIntoId", s);

        sql.returnOwners(longs(moves, "owners"), m, s);
        sql.returnOwned(longs(moves, "owned"), m, s);
        sql.restore("ownership", texts(moves, "droppedOwnership"));
        sql.returnById("company_identifier", longs(moves, "identifiers"), m, s);
        sql.removeAddedAliases(longs(moves, "addedAliases"), s);
        sql.returnById("company_alias", longs(moves, "aliases"), m, s);
        sql.restore("company_alias", texts(moves, "droppedAliases"));
        sql.returnById("sanction", longs(moves, "sanctions"), m, s);
        sql.restore("sanction", texts(moves, "droppedSanctions"));
        sql.returnFindingLinks(strings(moves, "findingLinks"), m, s);
        sql.restore("finding_company", texts(moves, "droppedFindingLinks"));
        sql.returnIntermediaries(strings(moves, "intermediaries"), m, s);
        sql.returnShipments("recipient", longs(moves, "recipientShipments"), m, s);
        sql.returnShipments("supplier", longs(moves, "supplierShipments"), m, s);
        sql.setMergedInto(m, null);

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("mergedIntoId", null);
        audit.recordUndo(AuditAction.UNDO_MERGE, "Company", m, before, after, entryId);
        return survivor(m);
    }

    private CompanyRecord survivor(long id) {
        return companies.byIds(List.of(id)).get(0).getValue();
    }

    private List<JsonNode> rows(List<String> jsonRows) {
        List<JsonNode> out = new ArrayList<>(jsonRows.size());
        for (String row : jsonRows) {
            out.add(parse(row));
        }
        return out;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit record", e);
        }
    }

    private static List<Long> longs(JsonNode moves, String field) {
        List<Long> out = new ArrayList<>();
        moves.path(field).forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static List<String> strings(JsonNode moves, String field) {
        List<String> out = new ArrayList<>();
        moves.path(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode moves, String field) {
        List<String> out = new ArrayList<>();
        moves.path(field).forEach(n -> out.add(n.toString()));
        return out;
    }
}
