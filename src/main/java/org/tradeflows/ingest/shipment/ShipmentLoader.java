package org.tradeflows.ingest.shipment;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tradeflows.ingest.FormatLoader;
import org.tradeflows.ingest.IngestException;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.Rejection;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.company.CompanyIndex;
import org.tradeflows.ingest.company.CompanyResolver.Party;
import org.tradeflows.ingest.company.CompanyResolver;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.store.CompanyBulkWriter;
import org.tradeflows.store.DataAccessException;
import org.tradeflows.store.ShipmentStaging;

/**
 * Loads a shipment CSV: each valid row, its parties resolved to companies, is streamed with COPY into a staging
 * table that lives only in the load's transaction (store/ShipmentStaging); at the end one INSERT ... SELECT moves the rows into
 * {@code shipment} (a record whose source and reference are already there is kept as it is) and their ordered
 * intermediaries into {@code shipment_intermediary}. Values are normalised to EUR and USD in that statement with
 * the rates found for each row by {@code eur_of} and {@code usd_of}, the rules {@code to_eur} and {@code to_usd} apply.
 */
public final class ShipmentLoader implements FormatLoader {

    private CompanyBulkWriter companies;
    private ShipmentStaging staging;

    @Override
    public void read(LoadContext ctx, Reader reader) throws SQLException, IOException {
        Connection c = ctx.connection();
        staging = new ShipmentStaging(c);
        CsvTable table = CsvTable.open(reader, ctx.formatName(), ctx.delimiters(), ShipmentCsvReader.REQUIRED,
                ShipmentCsvReader.KNOWN);
        ShipmentCsvReader rows = new ShipmentCsvReader(ctx.reference(), ctx.sourceId());
        companies = new CompanyBulkWriter(c, ctx.sourceId());
        CompanyResolver resolver = new CompanyResolver(CompanyIndex.load(c), companies);
        boolean any = false;
        try (ShipmentStaging copy = staging) {
            companies.beforeStatements(() -> {
                try {
                    copy.pause();
                } catch (SQLException e) {
                    throw new DataAccessException(e);
                }
            });
            while (table.next()) {
                any = true;
                ctx.rowRead();
                RowCheck check = new RowCheck(table.line(), ctx.today());
                ShipmentRow row = rows.read(table, check);
                if (row == null) {
                    ctx.reject(check, table.raw());
                    continue;
                }
                if (!ctx.writing()) {
                    continue;
                }
                if (companies.full()) {
                    copy.pause();
                    companies.flush();
                }
                stage(copy, row, resolver, ctx);
            }
        }
        if (!any) {
            throw new IngestException("The file has a header but no rows.", 2L);
        }
        companies.flush();
    }

    @Override
    public void write(LoadContext ctx) throws SQLException {
        companies.assignRelease(ctx.releaseId());
        long staged = ctx.tally().rowsRead() - ctx.tally().rowsRejected();
        long inserted = staging.insertShipments(ctx.releaseId());
        long duplicates = staged > inserted ? rejectDuplicates(ctx) : 0;
        ctx.tally().unchanged(staged - inserted - duplicates);
        ctx.tally().wrote("shipments", inserted);
        ctx.tally().wrote("shipmentIntermediaries", staging.insertIntermediaries(ctx.releaseId()));
        ctx.tally().wrote("companies", companies.companiesWritten());
        ctx.tally().wrote("companyAliases", companies.aliasesWritten());
        ctx.tally().wrote("companyIdentifiers", companies.identifiersWritten());
    }

    private static void stage(ShipmentStaging staging, ShipmentRow row, CompanyResolver resolver, LoadContext ctx)
            throws SQLException {
        Long supplier = resolver.resolve(row.supplier(), row.line(), ShipmentCsvReader.SUPPLIER_NAME, ctx.tally()).companyId();
        Long recipient = resolver.resolve(row.recipient(), row.line(), ShipmentCsvReader.RECIPIENT_NAME, ctx.tally())
                .companyId();
        List<Long> middleCompanies = new ArrayList<>(row.intermediaries().size());
        List<String> middleCountries = new ArrayList<>(row.intermediaries().size());
        for (Party p : row.intermediaries()) {
            middleCompanies.add(p.name() == null ? null
                    : resolver.resolve(p, row.line(), ShipmentCsvReader.INTERMEDIARIES, ctx.tally()).companyId());
            middleCountries.add(p.country());
        }
        staging.stage(new ShipmentStaging.Row(row.line(), row.sourceId(), row.sourceRef(), supplier, recipient,
                row.supplier().name(), row.recipient().name(), row.supplier().country(), row.recipient().country(),
                row.originCountry(), row.destinationCountry(), row.periodStart(), row.periodEnd(), row.hsCode(),
                row.productCode(), row.description(), row.value(), row.currency(), row.eurRate(), row.usdRate(),
                row.qualifier(), row.quantity(), row.quantityUnit(), row.netWeightKg(), middleCompanies,
                middleCountries));
    }

    private long rejectDuplicates(LoadContext ctx) throws SQLException {
        long n = 0;
        for (ShipmentStaging.Repeat r : staging.repeats()) {
            ctx.tally().rejectLate(new Rejection(r.line(), ShipmentCsvReader.SOURCE_REF,
                    "source_ref repeats the record on line " + r.firstLine(), r.sourceRecordRef()));
            n++;
        }
        return n;
    }
}
