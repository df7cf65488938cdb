package org.tradeflows.ingest.sanctions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.company.CompanyIndex;
import org.tradeflows.ingest.company.CompanyResolver;
import org.tradeflows.ingest.company.Identifier;
import org.tradeflows.ingest.sanctions.SanctionedEntity.Listing;
import org.tradeflows.store.CompanyBulkWriter;
import org.tradeflows.store.SanctionStore;

/**
 * Puts entities of a sanctions list on companies: each is matched (identifiers first, the OpenSanctions id among
 * them, then names) or added, gains the names and identifiers it brings, and its sanctions are upserted on their
 * natural key (company, authority, program, listing date). A sanction's end date is updated when the list gives
 * one; a sanction another source recorded keeps its source. Sanctions are held until the file has been read whole
 * (a list has far fewer of them than rows), so that a file loaded before writes nothing.
 */
final class SanctionedEntityWriter {

    private final LoadContext ctx;
    private final Connection connection;
    private final CompanyBulkWriter companies;
    private final CompanyResolver resolver;
    private final Map<String, Long> companyByEntity = new HashMap<>();
    private final List<SanctionStore.Listing> pending = new ArrayList<>();
    private long sanctionsSeen;
    private long sanctionsWritten;

    SanctionedEntityWriter(LoadContext ctx) throws SQLException {
        this.ctx = ctx;
        this.connection = ctx.connection();
        this.companies = new CompanyBulkWriter(connection, ctx.sourceId());
        this.resolver = new CompanyResolver(CompanyIndex.load(connection), companies);
    }

    /** The company an entity of this file became, by its OpenSanctions id. */
    Long companyOf(String entityId) {
        return companyByEntity.get(entityId);
    }

    /** Resolves the entity to a company now (so later lines can refer to it); its sanctions wait for {@link #finish}. */
    void write(SanctionedEntity e) throws SQLException {
        if (companies.full()) {
            companies.flush();
        }
        List<Identifier> ids = new ArrayList<>(e.identifiers());
        ids.add(new Identifier(Identifier.OPENSANCTIONS, e.id()));
        String country = e.countries().size() == 1 ? e.countries().get(0) : null;
        CompanyResolver.Result r = resolver.resolve(new CompanyResolver.Party(e.name(), country, ids), e.line(), "name",
                ctx.tally());
        if (r.companyId() == null) {
            return;
        }
        companyByEntity.put(e.id(), r.companyId());
        resolver.addAliases(r.companyId(), e.aliases(), null);
        resolver.addAliases(r.companyId(), e.formerNames(), "FORMER_NAME");
        for (Listing s : e.sanctions()) {
            sanction(r.companyId(), s);
        }
    }

    void sanction(long companyId, Listing s) {
        sanctionsSeen++;
        pending.add(new SanctionStore.Listing(companyId, s.authority(), s.program(), s.listedOn(), s.endedOn(), true,
                ctx.sourceId(), s.note()));
    }

    /** Writes the companies, names and identifiers still pending. */
    void flushCompanies() throws SQLException {
        companies.flush();
    }

    private void writeSanctions() throws SQLException {
        companies.flush();
        if (pending.isEmpty()) {
            return;
        }
        sanctionsWritten += SanctionStore.upsertAddingEndDates(connection, pending);
        pending.clear();
    }

    /** Writes the sanctions and what else is pending, and records the counts. */
    void finish() throws SQLException {
        companies.assignRelease(ctx.releaseId());
        writeSanctions();
        ctx.tally().wrote("companies", companies.companiesWritten());
        ctx.tally().wrote("companiesMatched", resolver.matched());
        ctx.tally().wrote("companyAliases", companies.aliasesWritten());
        ctx.tally().wrote("companyIdentifiers", companies.identifiersWritten());
        ctx.tally().wrote("sanctions", sanctionsWritten);
        ctx.tally().wrote("sanctionsUnchanged", sanctionsSeen - sanctionsWritten);
    }
}
