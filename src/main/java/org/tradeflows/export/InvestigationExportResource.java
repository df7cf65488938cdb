package org.tradeflows.export;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.input.InvestigationFilters;
import org.tradeflows.input.MirrorGapFilter;
import org.tradeflows.input.SupplyPathFilter;
import org.tradeflows.input.TransitRouteFilter;
import org.tradeflows.query.TransitRouteSql;
import org.tradeflows.query.UnitValueOutlierSql;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.Printable;
import org.tradeflows.model.UnitValueBasis;
import java.math.BigDecimal;
import org.tradeflows.query.MirrorGapSql;
import org.tradeflows.query.SanctionsExposureSql;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.query.SupplyPathSql;

/** The investigations of issue 17 as whole streamed files, with the same filters and rules as their GraphQL fields. */
@Path("/export")
@Tag(name = "Exports", description = "Streaming CSV, NDJSON, Parquet and Arrow exports with the filters of the GraphQL API.")
public class InvestigationExportResource {

    private static final String FILTER_DOC = "The same JSON object as the GraphQL input type of the same name, URL-encoded.";

    private final FlowFilters flowFilters;
    private final ExportResponder responder;
    private final InvestigationFilters investigations;

    public InvestigationExportResource(FlowFilters flowFilters, ExportResponder responder,
            InvestigationFilters investigations) {
        this.investigations = investigations;
        this.flowFilters = flowFilters;
        this.responder = responder;
    }

    @GET
    @Path("sanctions-exposure.{format}")
    @Operation(summary = "Sanctions exposure by listing", description = "For every supplier of the filter's shipments and "
            + "every listing its recipients were under at the shipment's date (as sanctionsExposure), largest first. "
            + "Columns: " + "supplier_id, supplier_name, recipient_id, recipient_name, authority, program, listed_on, "
            + "ended_on, first_date, last_date, days_after_listing, value_eur, shipment_count, shipments_without_eur.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "A malformed filter; the body names the field and the problem")
    public Response sanctionsExposure(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "FlowFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        return responder.respond(SanctionsExposureSql.listingExport(scope(filter)), format, filter);
    }

    @GET
    @Path("sanctions-exposure-suppliers.{format}")
    @Operation(summary = "Suppliers ranked by sanctions exposure", description = "sanctionsExposureRanking, whole. "
            + "Columns: supplier_id, supplier_name, supplier_country, exposed_value_eur, value_eur, share_of_total, "
            + "exposed_shipment_count, shipment_count, first_date, last_date.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "A malformed filter; the body names the field and the problem")
    public Response sanctionsExposureSuppliers(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "FlowFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        return responder.respond(SanctionsExposureSql.supplierExport(scope(filter)), format, filter);
    }

    @GET
    @Path("mirror-gaps.{format}")
    @Operation(summary = "Mirror gaps", description = "mirrorGaps, whole: the exporter's declared exports beside the "
            + "importer's declared imports per period and HS code. Columns: period_start, period_end, product_code, "
            + "exporter, importer, export_value_eur, export_value_usd, export_source, export_release, import_value_eur, "
            + "import_value_usd, import_source, import_release, gap_value_eur, gap_percent, band_low_percent, "
            + "band_high_percent, flag.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "A malformed filter; the body names the field and the problem")
    public Response mirrorGaps(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "MirrorGapFilter (required). " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        MirrorGapFilter f = responder.filter(filter, MirrorGapFilter.class);
        return responder.respond(MirrorGapSql.export(investigations.mirrorGaps(f, "filter")), format, filter);
    }

    @GET
    @Path("transit-routes.{format}")
    @Operation(summary = "Transit routes", description = "transitRoutes, whole. Columns: origin, via, destination, source, "
            + "year_before, year_after, origin_to_via_before_eur, origin_to_via_after_eur, origin_to_via_growth_percent, "
            + "via_to_destination_before_eur, via_to_destination_after_eur, via_to_destination_growth_percent, "
            + "destination_imports_before_eur, destination_imports_after_eur, share_before, share_after.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "A malformed filter; the body names the field and the problem")
    public Response transitRoutes(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "TransitRouteFilter (required). " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        TransitRouteFilter f = responder.filter(filter, TransitRouteFilter.class);
        return responder.respond(TransitRouteSql.export(investigations.transitRoutes(f, "filter")), format, filter);
    }

    @GET
    @Path("unit-value-outliers.{format}")
    @Operation(summary = "Unit-value outliers", description = "unitValueOutliers, whole. Columns: id, source_record_ref, "
            + "period_start, supplier_id, recipient_id, hs6, year, basis, unit, value_eur, divisor, unit_value_eur, "
            + "median_eur, mad_eur, peer_count, modified_z.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "A malformed filter, basis or threshold")
    public Response unitValueOutliers(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "FlowFilter. " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter,
            @Parameter(description = "PER_KG (default) or PER_UNIT") @QueryParam("basis") String basis,
            @Parameter(description = "Least |modified z| of an outlier (default 3.5)") @QueryParam("threshold") String threshold) {
        UnitValueBasis b;
        BigDecimal t;
        try {
            b = basis == null || basis.isBlank() ? UnitValueBasis.PER_KG : UnitValueBasis.valueOf(basis.trim());
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException("basis: '" + Printable.of(basis) + "' is not PER_KG or PER_UNIT");
        }
        try {
            t = threshold == null || threshold.isBlank() ? UnitValueOutlierSql.THRESHOLD : new BigDecimal(threshold.trim());
        } catch (NumberFormatException e) {
            throw new BadUserInputException("threshold: '" + Printable.of(threshold) + "' is not a number");
        }
        if (t.signum() <= 0 || t.compareTo(new BigDecimal("1000000")) > 0) {
            throw new BadUserInputException("threshold: must be above 0 and at most 1000000, got " + t.toPlainString());
        }
        return responder.respond(UnitValueOutlierSql.export(scope(filter), b, t), format, filter);
    }

    @GET
    @Path("supply-paths.{format}")
    @Operation(summary = "Supply paths", description = "supplyPaths, whole: every path found, one row per hop, ranked by "
            + "the value carried end to end, within the same bounds (search_truncated says whether they cut the "
            + "search). Columns: path_rank, path_value_eur, hop_count, hop, supplier_id, supplier_name, recipient_id, "
            + "recipient_name, recipient_country, hop_date, hs_prefix, value_eur, value_qualifier, shipment_count, "
            + "shipments_without_eur, shipment_ids, supplier_sanction_ids, recipient_sanction_ids, search_truncated.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/vnd.apache.parquet"), @Content(mediaType = "application/vnd.apache.arrow.stream")})
    @APIResponse(responseCode = "400", description = "A malformed filter; the body names the field and the problem")
    public Response supplyPaths(
            @Parameter(description = "csv, ndjson, parquet or arrow") @PathParam("format") String format,
            @Parameter(description = "SupplyPathFilter (required). " + FILTER_DOC, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("filter") String filter) {
        SupplyPathFilter f = responder.filter(filter, SupplyPathFilter.class);
        return responder.respond(SupplyPathSql.export(investigations.supplyPaths(f, "filter")), format, filter);
    }

    private ShipmentScope scope(String filter) {
        FlowFilter f = responder.filter(filter, FlowFilter.class);
        return flowFilters.scope(f, "filter");
    }
}
