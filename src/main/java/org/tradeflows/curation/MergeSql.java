package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.tradeflows.store.Jdbc;

/**
 * Every statement of a merge and of its undo. A merge moves each row that names the merged company to the survivor
 * and returns what it moved; rows that would then collide with one of the survivor's (the same alias, finding role,
 * listing or ownership link) are deleted instead and returned whole, as JSON, so that the undo can put them back
 * with their own ids.
 */
@ApplicationScoped
public class MergeSql {

    private final Jdbc jdbc;

    public MergeSql(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks both companies, in id order so that two merges of the same pair cannot deadlock. */
    public void lockCompanies(long a, long b) {
        jdbc.list("select id from company where id = any(?) order by id for update", List.of(List.of(a, b)), rs -> rs.getLong(1));
    }

    // --- merge: each returns the keys of the rows it changed ---

    public List<Long> moveSupplierShipments(long merged, long survivor) {
        return ids("update shipment set supplier_id = ? where supplier_id = ? returning id", survivor, merged);
    }

    public List<Long> moveRecipientShipments(long merged, long survivor) {
        return ids("update shipment set recipient_id = ? where recipient_id = ? returning id", survivor, merged);
    }

    /** Intermediary positions as "shipmentId:position". */
    public List<String> moveIntermediaries(long merged, long survivor) {
        return texts("update shipment_intermediary set company_id = ? where company_id = ? "
                + "returning shipment_id || ':' || position", survivor, merged);
    }

    public List<String> dropCollidingFindingLinks(long merged, long survivor) {
        return texts("""
                delete from finding_company m where m.company_id = ? and exists (select 1 from finding_company s
                 where s.company_id = ? and s.finding_id = m.finding_id and s.role = m.role)
                returning to_jsonb(m)::text""", merged, survivor);
    }

    /** Finding links as "findingId:role". */
    public List<String> moveFindingLinks(long merged, long survivor) {
        return texts("update finding_company set company_id = ? where company_id = ? returning finding_id || ':' || role",
                survivor, merged);
    }

    public List<String> dropCollidingSanctions(long merged, long survivor) {
        return texts("""
                delete from sanction m where m.company_id = ? and exists (select 1 from sanction s
                 where s.company_id = ? and s.authority = m.authority and coalesce(s.program, '') = coalesce(m.program, '')
                   and coalesce(s.listed_on, date '0001-01-01') = coalesce(m.listed_on, date '0001-01-01'))
                returning to_jsonb(m)::text""", merged, survivor);
    }

    public List<Long> moveSanctions(long merged, long survivor) {
        return ids("update sanction set company_id = ? where company_id = ? returning id", survivor, merged);
    }

    public List<String> dropCollidingAliases(long merged, long survivor) {
        return texts("""
                delete from company_alias m where m.company_id = ? and exists (select 1 from company_alias s
                 where s.company_id = ? and s.alias = m.alias)
                returning to_jsonb(m)::text""", merged, survivor);
    }

    public List<Long> moveAliases(long merged, long survivor) {
        return ids("update company_alias set company_id = ? where company_id = ? returning id", survivor, merged);
    }

    /** The merged company's names become aliases of the survivor (so a search by them finds it), unless present. */
    public List<Long> addNamesAsAliases(long merged, long survivor) {
        return ids("""
                insert into company_alias (company_id, alias, kind, source_id)
                select ?, n.alias, n.kind, m.source_id
                  from company m cross join lateral (values (m.name, 'ALIAS'), (m.name_original, 'ORIGINAL_SCRIPT')) n(alias, kind)
                 where m.id = ? and n.alias is not null and length(trim(n.alias)) > 0
                   and not exists (select 1 from company_alias a where a.company_id = ? and a.alias = n.alias)
                   and n.alias <> (select name from company where id = ?)
                on conflict (company_id, alias) do nothing
                returning id""", survivor, merged, survivor, survivor);
    }

    public List<Long> moveIdentifiers(long merged, long survivor) {
        return ids("update company_identifier set company_id = ? where company_id = ? returning id", survivor, merged);
    }

    /** Ownership links that would join the survivor to itself or repeat one of its links. */
    public List<String> dropCollidingOwnership(long merged, long survivor) {
        return texts("""
                delete from ownership o where (o.owner_id = ? and (o.owned_id = ? or exists (select 1 from ownership s
                         where s.owner_id = ? and s.owned_id = o.owned_id)))
                   or (o.owned_id = ? and (o.owner_id = ? or exists (select 1 from ownership s
                         where s.owned_id = ? and s.owner_id = o.owner_id)))
                returning to_jsonb(o)::text""", merged, survivor, survivor, merged, survivor, survivor);
    }

    /** Companies the merged one owned, now owned by the survivor. */
    public List<Long> moveOwned(long merged, long survivor) {
        return ids("update ownership set owner_id = ? where owner_id = ? returning owned_id", survivor, merged);
    }

    /** Owners of the merged one, now owners of the survivor. */
    public List<Long> moveOwners(long merged, long survivor) {
        return ids("update ownership set owned_id = ? where owned_id = ? returning owner_id", survivor, merged);
    }

    public void setMergedInto(long company, Long into) {
        jdbc.update("update company set merged_into_id = ? where id = ?", java.util.Arrays.asList(into, company));
    }

    public Long mergedInto(long company) {
        long into = jdbc.count("select coalesce(merged_into_id, 0) from company where id = ?", List.of(company));
        return into == 0 ? null : into;
    }

    // --- undo: the same moves backwards, limited to the rows the merge recorded ---

    public void returnShipments(String column, List<Long> ids, long merged, long survivor) {
        String sql = switch (column) {
            case "supplier" -> "update shipment set supplier_id = ? where supplier_id = ? and id = any(?)";
            case "recipient" -> "update shipment set recipient_id = ? where recipient_id = ? and id = any(?)";
            default -> throw new IllegalArgumentException(column);
        };
        jdbc.update(sql, List.of(merged, survivor, ids));
    }

    public void returnIntermediaries(List<String> positions, long merged, long survivor) {
        jdbc.update("""
                update shipment_intermediary set company_id = ? where company_id = ?
                   and shipment_id || ':' || position = any(?)""", List.of(merged, survivor, positions));
    }

    public void returnFindingLinks(List<String> links, long merged, long survivor) {
        jdbc.update("update finding_company set company_id = ? where company_id = ? and finding_id || ':' || role = any(?)",
                List.of(merged, survivor, links));
    }

    public void returnById(String table, List<Long> ids, long merged, long survivor) {
        String sql = switch (table) {
            case "sanction" -> "update sanction set company_id = ? where company_id = ? and id = any(?)";
            case "company_alias" -> "update company_alias set company_id = ? where company_id = ? and id = any(?)";
            case "company_identifier" -> "update company_identifier set company_id = ? where company_id = ? and id = any(?)";
            default -> throw new IllegalArgumentException(table);
        };
        jdbc.update(sql, List.of(merged, survivor, ids));
    }

    public void removeAddedAliases(List<Long> ids, long survivor) {
        jdbc.update("delete from company_alias where company_id = ? and id = any(?)", List.of(survivor, ids));
    }

    public void returnOwned(List<Long> owned, long merged, long survivor) {
        jdbc.update("update ownership set owner_id = ? where owner_id = ? and owned_id = any(?)", List.of(merged, survivor, owned));
    }

    public void returnOwners(List<Long> owners, long merged, long survivor) {
        jdbc.update("update ownership set owned_id = ? where owned_id = ? and owner_id = any(?)", List.of(merged, survivor, owners));
    }

    /** Puts deleted rows back exactly as they were (ids included), from the JSON the merge recorded. */
    public void restore(String table, List<String> rowsJson) {
        if (rowsJson.isEmpty()) {
            return;
        }
        String sql = switch (table) {
            case "finding_company" -> "insert into finding_company select * from jsonb_populate_recordset(null::finding_company, ?::jsonb)";
            case "sanction" -> "insert into sanction select * from jsonb_populate_recordset(null::sanction, ?::jsonb)";
            case "company_alias" -> "insert into company_alias select * from jsonb_populate_recordset(null::company_alias, ?::jsonb)";
            case "ownership" -> "insert into ownership select * from jsonb_populate_recordset(null::ownership, ?::jsonb)";
            default -> throw new IllegalArgumentException(table);
        };
        jdbc.update(sql, List.of("[" + String.join(",", rowsJson) + "]"));
    }

    private List<Long> ids(String sql, Object... params) {
        return new ArrayList<>(jdbc.list(sql, List.of(params), rs -> rs.getLong(1)));
    }

    private List<String> texts(String sql, Object... params) {
        return new ArrayList<>(jdbc.list(sql, List.of(params), rs -> rs.getString(1)));
    }
}
