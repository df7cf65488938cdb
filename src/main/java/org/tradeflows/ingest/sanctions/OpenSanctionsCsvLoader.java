package org.tradeflows.ingest.sanctions;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tradeflows.ingest.FormatLoader;
import org.tradeflows.ingest.IngestException;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.input.CsvTable;

/**
 * OpenSanctions {@code targets.simple.csv}: one target per row; multi-valued cells are themselves ';'-separated CSV.
 * Companies, organisations and legal entities are loaded; persons, vessels and other schemas are skipped. The file
 * flattens each sanction to "program - reason - status - start - end" without its authority, so the authority is
 * read from the program, else from the row's datasets when they name a single one, else recorded as OTHER.
 */
public final class OpenSanctionsCsvLoader implements FormatLoader {

    static final Set<String> REQUIRED = Set.of("id", "schema", "name");
    private static final CSVFormat CELL = CSVFormat.RFC4180.builder().setDelimiter(';').get();

    private SanctionedEntityWriter writer;

    @Override
    public void read(LoadContext ctx, Reader reader) throws SQLException, IOException {
        CsvTable t = CsvTable.open(reader, ctx.formatName(), ctx.delimiters(), REQUIRED, null);
        writer = new SanctionedEntityWriter(ctx);
        boolean any = false;
        while (t.next()) {
            any = true;
            ctx.rowRead();
            RowCheck check = new RowCheck(t.line(), ctx.today());
            if (t.width() != t.header().size()) {
                check.problem(null, "the record has " + t.width() + " fields where the header has " + t.header().size(),
                        null);
                ctx.reject(check, t.raw());
                continue;
            }
            String schema = t.get("schema");
            if (!schema.isEmpty() && !OpenSanctionsValues.COMPANY_SCHEMAS.contains(schema)) {
                ctx.tally().skip("schema " + schema + " is not a company", t.line());
                continue;
            }
            SanctionedEntity entity = read(t, check, ctx);
            if (entity == null) {
                ctx.reject(check, t.raw());
            } else if (ctx.writing()) {
                writer.write(entity);
            }
        }
        if (!any) {
            throw new IngestException("The file has a header but no rows.", 2L);
        }
        writer.flushCompanies();
    }

    @Override
    public void write(LoadContext ctx) throws SQLException {
        writer.finish();
    }

    private SanctionedEntity read(CsvTable t, RowCheck check, LoadContext ctx) {
        String id = check.required("id", t.get("id"));
        check.required("schema", t.get("schema"));
        String name = check.required("name", t.get("name"));
        List<String> countries = OpenSanctionsValues.countries(cell(t.get("countries"), "countries", check), ctx.reference());
        List<String> datasets = cell(t.get("dataset"), "dataset", check);
        List<SanctionedEntity.Listing> listings = new ArrayList<>();
        for (String text : cell(t.get("sanctions"), "sanctions", check)) {
            listings.add(listing(text, datasets, check));
        }
        if (!check.ok()) {
            return null;
        }
        List<String> aliases = cell(t.get("aliases"), "aliases", check);
        return new SanctionedEntity(t.line(), id, name, aliases, List.of(), countries,
                OpenSanctionsValues.inferred(cell(t.get("identifiers"), "identifiers", check), countries), listings);
    }

    /** "program - reason - status - start date - end date", any part missing. */
    private static SanctionedEntity.Listing listing(String text, List<String> datasets, RowCheck check) {
        List<String> words = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (String part : text.split(" - ")) {
            String p = part.trim();
            if (p.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
                LocalDate d = OpenSanctionsValues.date(p, "sanctions", check);
                dates.add(d);
            } else if (!p.isEmpty()) {
                words.add(p);
            }
        }
        LocalDate listed = dates.isEmpty() ? null : dates.get(0);
        LocalDate ended = dates.size() < 2 ? null : dates.get(1);
        if (listed != null && ended != null && ended.isBefore(listed)) {
            check.problem("sanctions", "the sanction ends before it starts", text);
        }
        String program = words.isEmpty() ? null : OpenSanctionsValues.limit(words.get(0), 500);
        return new SanctionedEntity.Listing(SanctionAuthorities.of(null, text, datasets, List.of()), program, listed,
                ended, OpenSanctionsValues.limit(text, 2000));
    }

    private static List<String> cell(String value, String column, RowCheck check) {
        if (value.isEmpty()) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (CSVRecord r : CELL.parse(new StringReader(value))) {
                for (String v : r) {
                    if (!v.isBlank()) {
                        out.add(v.trim());
                    }
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            check.problem(column, "the ';'-separated list cannot be read", value);
            return List.of();
        }
    }
}
