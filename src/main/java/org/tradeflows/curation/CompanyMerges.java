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
import org.tradeflows.store.FindingStore;
import org.tradeflows.store.SanctionStore;
import org.tradeflows.store.ShipmentStore;

/**
 * Merges two records of the same company and undoes a merge from its audit entry. The merge records every row it
 * moved or deleted in the entry, so the undo restores exactly the state before it. Each table is moved by its own
 * store: rows that name the merged company move to the survivor; rows that would then collide with one of the
 * survivor's (the same alias, finding role, listing or ownership link) are deleted instead and recorded whole.
 */
@ApplicationScoped
@Transactional
public class CompanyMerges {

    private final Lookups lookups;
    private final AuditTrail audit;
    private final AuditStore auditSql;
    private final CompanyStore companies;
    private final ShipmentStore shipments;
    private final FindingStore findings;
    private final SanctionStore sanctions;
    private final ObjectMapper json;

    public CompanyMerges(Lookups lookups, AuditTrail audit, AuditStore auditSql, CompanyStore companies,
            ShipmentStore shipments, FindingStore findings, SanctionStore sanctions, ObjectMapper json) {
        this.lookups = lookups;
        this.audit = audit;
        this.auditSql = auditSql;
        this.companies = companies;
        this.shipments = shipments;
        this.findings = findings;
        this.sanctions = sanctions;
        this.json = json;
    }

    public Corrections.Merged merge(String survivorId, String mergedId) {
        long s = lookups.key("input.survivorId", survivorId, "Company");
        long m = lookups.key("input.mergedId", mergedId, "Company");
        if (s == m) {
            throw new BadUserInputException("input.mergedId: a company cannot be merged into itself");
        }
        companies.lockPair(s, m);
        CompanyRecord survivor = lookups.liveCompany("input.survivorId", survivorId);
        CompanyRecord merged = lookups.liveCompany("input.mergedId", mergedId);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("merged", Records.snapshot(merged));
        before.put("survivor", Records.snapshot(survivor));

        Map<String, Object> moves = new LinkedHashMap<>();
        moves.put("survivorId", s);
        moves.put("mergedId", m);
        moves.put("supplierShipments", shipments.moveSupplier(m, s));
        moves.put("recipientShipments", shipments.moveRecipient(m, s));
        moves.put("intermediaries", shipments.moveIntermediary(m, s));
        moves.put("droppedFindingLinks", rows(findings.dropCollidingCompanyLinks(m, s)));
        moves.put("findingLinks", findings.moveCompanyLinks(m, s));
        moves.put("droppedSanctions", rows(sanctions.dropCollidingListings(m, s)));
        moves.put("sanctions", sanctions.moveListings(m, s));
        moves.put("droppedAliases", rows(companies.dropCollidingAliases(m, s)));
        moves.put("aliases", companies.moveAliases(m, s));
        moves.put("addedAliases", companies.addNamesAsAliases(m, s));
        moves.put("identifiers", companies.moveIdentifiers(m, s));
        moves.put("droppedOwnership", rows(companies.dropCollidingOwnership(m, s)));
        moves.put("owned", companies.moveOwned(m, s));
        moves.put("owners", companies.moveOwners(m, s));
        companies.setMergedInto(m, s);

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
        companies.lockPair(s, m);
        Long into = companies.mergedInto(m);
        if (into == null || into != s) {
            throw new BadUserInputException("auditEntryId: the merged company is no longer merged into the survivor");
        }
        if (companies.mergedInto(s) != null) {
            throw new BadUserInputException("auditEntryId: the survivor was merged into "
                    + GlobalId.of("Company", companies.mergedInto(s)) + " since; undo that merge first");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("mergedIntoId", s);

        companies.returnOwners(longs(moves, "owners"), m, s);
        companies.returnOwned(longs(moves, "owned"), m, s);
        companies.restoreOwnership(texts(moves, "droppedOwnership"));
        companies.returnIdentifiers(longs(moves, "identifiers"), m, s);
        companies.removeAddedAliases(longs(moves, "addedAliases"), s);
        companies.returnAliases(longs(moves, "aliases"), m, s);
        companies.restoreAliases(texts(moves, "droppedAliases"));
        sanctions.returnListings(longs(moves, "sanctions"), m, s);
        sanctions.restoreListings(texts(moves, "droppedSanctions"));
        findings.returnCompanyLinks(strings(moves, "findingLinks"), m, s);
        findings.restoreCompanyLinks(texts(moves, "droppedFindingLinks"));
        shipments.returnIntermediary(strings(moves, "intermediaries"), m, s);
        shipments.returnRecipient(longs(moves, "recipientShipments"), m, s);
        shipments.returnSupplier(longs(moves, "supplierShipments"), m, s);
        companies.setMergedInto(m, null);

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
