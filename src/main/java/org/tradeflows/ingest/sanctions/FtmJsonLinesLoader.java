package org.tradeflows.ingest.sanctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tradeflows.ingest.FormatLoader;
import org.tradeflows.ingest.IngestException;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.company.Identifier;

/**
 * FollowTheMoney entities as JSON lines (OpenSanctions' {@code entities.ftm.json}, one {@code {id, schema,
 * properties, datasets}} object a line). Company, Organization and LegalEntity become companies; a Sanction
 * (its {@code entity} property naming one of them, in this file or loaded before) becomes a sanction, whichever
 * comes first in the file; sanctions nested in an entity's {@code sanctions} property are read too. Other schemas
 * are skipped.
 */
public final class FtmJsonLinesLoader implements FormatLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> IDENTIFIER_PROPERTIES = Map.of("innCode", Identifier.INN, "ogrnCode",
            Identifier.OGRN, "kppCode", Identifier.KPP, "leiCode", Identifier.LEI, "uscCode", Identifier.USCC);
    private static final List<String> UNLABELLED_IDENTIFIERS = List.of("registrationNumber", "taxNumber", "idNumber",
            "vatCode");

    private record PendingSanction(long line, String entityId, SanctionedEntity.Listing listing) {
    }

    private SanctionedEntityWriter writer;
    private final List<PendingSanction> waiting = new ArrayList<>();

    @Override
    public void read(LoadContext ctx, Reader reader) throws SQLException, IOException {
        BufferedReader lines = new BufferedReader(reader, 1 << 16);
        writer = new SanctionedEntityWriter(ctx);
        long lineNo = 0;
        boolean any = false;
        String text;
        while ((text = lines.readLine()) != null) {
            lineNo++;
            if (text.isBlank()) {
                continue;
            }
            any = true;
            ctx.rowRead();
            RowCheck check = new RowCheck(lineNo, ctx.today());
            JsonNode node = parse(text, check);
            if (node == null) {
                ctx.reject(check, text);
                continue;
            }
            String schema = node.path("schema").asText("");
            if ("Sanction".equals(schema)) {
                SanctionedEntity.Listing listing = listing(node, check);
                List<String> targets = values(node.path("properties"), "entity");
                if (targets.isEmpty()) {
                    check.problem("properties.entity", "a Sanction must name the entity it applies to", null);
                }
                if (!check.ok()) {
                    ctx.reject(check, text);
                } else if (ctx.writing()) {
                    for (String target : targets) {
                        waiting.add(new PendingSanction(lineNo, target, listing));
                    }
                }
            } else if (OpenSanctionsValues.COMPANY_SCHEMAS.contains(schema)) {
                SanctionedEntity entity = entity(node, lineNo, check, ctx);
                if (entity == null) {
                    ctx.reject(check, text);
                } else if (ctx.writing()) {
                    writer.write(entity);
                }
            } else {
                ctx.tally().skip(schema.isEmpty() ? "no schema" : "schema " + schema + " is not loaded", lineNo);
            }
        }
        if (!any) {
            throw new IngestException("The file holds no JSON lines.", 1L);
        }
        writer.flushCompanies();
    }

    /** Sanctions find their entity now that every line has been read. */
    @Override
    public void write(LoadContext ctx) throws SQLException {
        for (PendingSanction p : waiting) {
            Long company = writer.companyOf(p.entityId());
            if (company == null) {
                company = companyLoadedBefore(ctx, p.entityId());
            }
            if (company == null) {
                ctx.tally().skip("a Sanction of an entity that is not a company here or in the database", p.line());
            } else {
                writer.sanction(company, p.listing());
            }
        }
        writer.finish();
    }

    private static Long companyLoadedBefore(LoadContext ctx, String entityId) throws SQLException {
        try (var ps = ctx.connection().prepareStatement(
                "select company_id from company_identifier where scheme = 'OPENSANCTIONS' and value = ?")) {
            ps.setString(1, entityId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static JsonNode parse(String text, RowCheck check) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                check.problem(null, "not a JSON object", text);
                return null;
            }
            if (node.path("id").asText("").isEmpty()) {
                check.problem("id", "required value is missing", null);
            }
            if (!node.path("properties").isObject()) {
                check.problem("properties", "required object is missing", null);
            }
            return check.ok() ? node : null;
        } catch (JsonProcessingException e) {
            check.problem(null, "not valid JSON (" + e.getOriginalMessage() + "); a truncated line?", text);
            return null;
        }
    }

    private SanctionedEntity entity(JsonNode node, long line, RowCheck check, LoadContext ctx) {
        JsonNode p = node.path("properties");
        List<String> names = values(p, "name");
        if (names.isEmpty()) {
            check.problem("properties.name", "required value is missing", null);
            return null;
        }
        List<String> countries = new ArrayList<>();
        for (String prop : new String[] {"country", "jurisdiction", "mainCountry"}) {
            countries.addAll(values(p, prop));
        }
        countries = OpenSanctionsValues.countries(countries, ctx.reference());
        List<Identifier> identifiers = new ArrayList<>();
        for (var e : IDENTIFIER_PROPERTIES.entrySet()) {
            for (String v : values(p, e.getKey())) {
                String[] problem = new String[1];
                Identifier id = Identifier.parse(e.getValue(), v, problem);
                if (id != null && !identifiers.contains(id)) {
                    identifiers.add(id);
                }
            }
        }
        List<String> unlabelled = new ArrayList<>();
        for (String prop : UNLABELLED_IDENTIFIERS) {
            unlabelled.addAll(values(p, prop));
        }
        for (Identifier id : OpenSanctionsValues.inferred(unlabelled, countries)) {
            if (!identifiers.contains(id)) {
                identifiers.add(id);
            }
        }
        List<String> aliases = new ArrayList<>(names.subList(1, names.size()));
        aliases.addAll(values(p, "alias"));
        aliases.addAll(values(p, "weakAlias"));
        List<SanctionedEntity.Listing> listings = new ArrayList<>();
        for (JsonNode nested : p.path("sanctions")) {
            if (nested.isObject()) {
                listings.add(listing(nested, check));
            }
        }
        if (!check.ok()) {
            return null;
        }
        return new SanctionedEntity(line, node.path("id").asText(), names.get(0), aliases, values(p, "previousName"),
                countries, identifiers, listings);
    }

    private static SanctionedEntity.Listing listing(JsonNode node, RowCheck check) {
        JsonNode p = node.path("properties");
        String authority = String.join("; ", values(p, "authority"));
        String program = String.join("; ", values(p, "program"));
        List<String> datasets = new ArrayList<>();
        node.path("datasets").forEach(d -> datasets.add(d.asText()));
        LocalDate listed = first(values(p, "startDate"), values(p, "listingDate"), check, "properties.startDate");
        LocalDate ended = first(values(p, "endDate"), List.of(), check, "properties.endDate");
        if (listed != null && ended != null && ended.isBefore(listed)) {
            check.problem("properties.endDate", "the sanction ends before it starts", ended.toString());
        }
        String note = OpenSanctionsValues.limit(String.join(" - ", List.of(authority, program).stream()
                .filter(s -> !s.isEmpty()).toList()), 2000);
        return new SanctionedEntity.Listing(SanctionAuthorities.of(authority, program, datasets, values(p, "country")),
                OpenSanctionsValues.limit(program, 500), listed, ended, note);
    }

    private static LocalDate first(List<String> preferred, List<String> fallback, RowCheck check, String column) {
        for (List<String> list : List.of(preferred, fallback)) {
            for (String v : list.stream().sorted().toList()) {
                LocalDate d = OpenSanctionsValues.date(v, column, check);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static List<String> values(JsonNode properties, String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = properties.path(name);
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (item.isTextual() && !item.asText().isBlank()) {
                    out.add(item.asText().trim());
                } else if (item.isObject() && item.has("id")) {
                    out.add(item.path("id").asText());
                }
            }
        } else if (v.isTextual() && !v.asText().isBlank()) {
            out.add(v.asText().trim());
        }
        return out;
    }
}
