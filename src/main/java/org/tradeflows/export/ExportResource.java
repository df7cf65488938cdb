package org.tradeflows.export;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tradeflows.input.CompanyFilter;
import org.tradeflows.input.Filters;
import org.tradeflows.input.FindingFilter;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.model.InputMessages;
import org.tradeflows.input.TradeVolumeFilter;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;
import org.tradeflows.model.GlobalId;
import org.tradeflows.query.ExportQuery;
import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.FlowSql;
import org.tradeflows.store.ExportSql;
import org.tradeflows.store.TradeVolumeStore;

/**
 * Complete, streamed exports for scripts and notebooks: no row cap, flat memory, a header row and a stable column
 * order, the same filters as GraphQL (the `filter` parameter takes the same JSON as the GraphQL input type).
 */
@Path("/export")
@Tag(name = "Exports", description = "Streaming CSV, NDJSON, Parquet and Arrow exports with the filters of the GraphQL API.")
public class ExportResource {

    private static final String FILTER_DOC = "The same JSON object as the GraphQL input type of the same name, URL-encoded.";

    private final ExportSql exports;
    private final FlowFilters flowFilters;
    private final Filters checks;
    private final ExportResponder responder;
    private final ReleaseRefs releaseRefs;

    public ExportResource(ExportSql exports, FlowFilters flowFilters, Filters checks, ExportResponder responder,
            ReleaseRefs releaseRefs) {
        this.releaseRefs = releaseRefs;
        this.exports = exports;
        this.flowFilters = flowFilters;
        this.checks = checks;
        this.responder = responder;
    }

    @GET
    @Path("shipments.{format}")
    @Operation(summary = "Shipments", description = "Every shipment matching the filter, ordered by date then id. Columns: "
            + "id, source_record_ref, period_start, period_end, supplier_id, supplier_name, supplier_declared_name, "
            + "supplier_country, recipient_id, recipient_name, recipient_declared_name, recipient_country, origin_country, "
            + "destination_country, intermediaries (name@country; in order), hs_code, product_code, description, value, "
            + "currency, value_qualifier, value_eur, value_usd, quantity, quantity_unit, net_weight_kg, source, release, synthetic.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "A malformed filter; the body names the field and the problem")
    public Response shipments(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "FlowFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        return respond(exports.shipments(flowFilters.scope(read(filter, FlowFilter.class), "filter")), format, filter, null);
    }

    @GET
    @Path("flows.{format}")
    @Operation(summary = "Flows", description = "Every group of flows(groupBy, filter), largest first. Columns: one or two "
            + "per dimension (supplier_id and supplier_name, recipient_id and recipient_name, supplier_country, "
            + "recipient_country, intermediary_country, section, hs2, hs4, hs6, year, quarter, month, source, chpl_tier, "
            + "recipient_sanctioned) in the order of groupBy, then value_eur, value_usd, value_qualifier, shipment_count, "
            + "shipments_without_eur, net_weight_kg, distinct_suppliers, distinct_recipients, first_date, last_date, share_of_total.")
    @APIResponse(responseCode = "200", description = "The groups, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "A malformed filter or dimension")
    public Response flows(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "Comma-separated FlowDimension names, e.g. SUPPLIER_COUNTRY,HS4,YEAR") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "FlowFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        List<FlowDimension> dims = Filters.dimensions(dimensions(groupBy));
        FlowQuery q = new FlowQuery(dims, flowFilters.scope(read(filter, FlowFilter.class), "filter"),
                List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), 1, null, null);
        return respond(FlowSql.export(q), format, filter, dims.stream().map(Enum::name).collect(Collectors.joining(",")));
    }

    @GET
    @Path("trade-volumes.{format}")
    @Operation(summary = "Official trade figures", description = "Every official figure matching the filter, ordered by "
            + "period. Columns: id, reporter, partner, flow, period_kind, period_start, period_end, product_code (empty: all "
            + "goods), value, currency, value_qualifier, value_eur, value_usd, net_weight_kg, quantity, quantity_unit, "
            + "source, source_citation, release, note.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    public Response tradeVolumes(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "TradeVolumeFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter,
            @Parameter(description = ReleaseRefs.AS_OF) @QueryParam("asOf") String asOf) {
        TradeVolumeFilter f = checks.tradeVolume(read(filter, TradeVolumeFilter.class));
        Long asOfRelease = releaseRefs.asOf("asOf", asOf);
        return respond(exports.tradeVolumes(f, asOfRelease), format, filter, null, asOfRelease);
    }

    @GET
    @Path("release-diff.{format}")
    @Operation(summary = "Changes between two releases", description = "Every official figure added, revised or "
            + "withdrawn between two data releases (named as in asOf), ordered by the figure's natural key. Columns: "
            + "change (ADDED, REVISED, WITHDRAWN), reporter, partner, flow, period_start, period_end, product_code, "
            + "currency, source, old_value, old_value_usd, old_value_qualifier, old_release, new_value, new_value_usd, "
            + "new_value_qualifier, new_release.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "An unknown release, a malformed date or filter")
    public Response releaseDiff(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "The earlier release: id, key, version or date YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "The later release (default the latest)") @QueryParam("to") String to,
            @Parameter(description = "TradeVolumeFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        if (from == null || from.isBlank()) {
            throw new BadUserInputException("from: required; " + ReleaseRefs.ACCEPTED);
        }
        TradeVolumeFilter f = checks.tradeVolume(read(filter, TradeVolumeFilter.class));
        return respond(exports.releaseDiff(releaseRefs.release("from", from), releaseRefs.release("to", to),
                TradeVolumeStore.where(f)), format, filter, null);
    }

    @GET
    @Path("companies.{format}")
    @Operation(summary = "Companies", description = "Every company matching the filter with its identifiers and sanctions. "
            + "Columns: id, name, name_original, country, city, special_economic_zone, aliases, identifiers "
            + "(SCHEME:value; …), sanctions (AUTHORITY listed..ended; …), sanctioned_today, source.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    public Response companies(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "CompanyFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        return respond(exports.companies(checks.company(read(filter, CompanyFilter.class))), format, filter, null);
    }

    @GET
    @Path("findings.{format}")
    @Operation(summary = "Findings", description = "Every finding matching the filter: reported figures about sets of "
            + "flows, never to be added up. Columns: id, key, kind, statement, value, currency, value_qualifier, count, "
            + "count_unit, count_qualifier, period_start, period_end, period_label, part_of, companies, countries, "
            + "products, confirmed, source, citation, note.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    public Response findings(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "FindingFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        FindingFilter f = checks.finding(read(filter, FindingFilter.class));
        Long company = f == null || f.company() == null ? null : GlobalId.numeric(f.company(), "Company", "filter.company");
        return respond(exports.findings(f, company), format, filter, null);
    }

    /** groupBy as FlowDimensions, a misspelled one named with the nearest valid one. */
    private static List<FlowDimension> dimensions(String groupBy) {
        List<FlowDimension> dims = new ArrayList<>();
        if (groupBy == null || groupBy.isBlank()) {
            return dims;
        }
        String[] names = groupBy.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String d = names[i].trim();
            try {
                dims.add(FlowDimension.valueOf(d));
            } catch (IllegalArgumentException e) {
                throw new BadUserInputException(InputMessages.unknownName("groupBy[" + i + "]", "a FlowDimension", d,
                        Arrays.stream(FlowDimension.values()).map(Enum::name).toList()));
            }
        }
        return dims;
    }

    private <T> T read(String filter, Class<T> type) {
        return responder.filter(filter, type);
    }

    private Response respond(ExportQuery query, String extension, String filter, String groupBy) {
        return responder.respond(query, extension, filter, groupBy, null);
    }

    private Response respond(ExportQuery query, String extension, String filter, String groupBy, Long asOfRelease) {
        return responder.respond(query, extension, filter, groupBy, asOfRelease);
    }
}
