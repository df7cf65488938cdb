package org.tradeflows.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.tradeflows.api.types.FetchFilterInput;
import org.tradeflows.api.types.FetchRun;
import org.tradeflows.model.FetchLauncher;
import org.tradeflows.security.Roles;

/** Fetches from the publishers (role admin): start one, follow them. */
@GraphQLApi
@RolesAllowed(Roles.ADMIN)
public class FetchApi {

    private final FetchLauncher fetches;

    public FetchApi(FetchLauncher fetches) {
        this.fetches = fetches;
    }

    @Mutation("startFetch")
    @NonNull
    @Description("Starts a fetch from a publisher (role admin) and returns its run, QUEUED (or ended, with wait). One "
            + "fetch runs at a time: while another is queued or running the answer is the error FETCH_ALREADY_RUNNING.")
    public FetchRun startFetch(
            @NonNull @Name("source") @Description("The publisher's data: baci, comtrade, opensanctions, ecb or comext.") String source,
            @Name("filter") @Description("What to take (default: everything).") FetchFilterInput filter,
            @Name("version") @Description("The publisher's version, e.g. 202501 for baci (default: the "
                    + "configured one); for comtrade the frequency, A (annual, default) or M (monthly).") String version,
            @Name("dryRun") @Description("Download and check, write no rows (default false).") Boolean dryRun,
            @Name("keepValid") @Description("Load the valid rows when some are rejected (default false: all or none).")
            Boolean keepValid,
            @Name("wait") @Description("Answer when the run has ended instead of at once (default false).") Boolean wait,
            @Name("dataset") @Description("opensanctions: the dataset, e.g. sanctions or us_ofac_sdn (default: the "
                    + "configured one).") String dataset,
            @Name("currencies") @Description("ecb: ISO 4217 codes, e.g. USD,CNY,RUB (default: the configured ones).")
            String currencies,
            @Name("from") @Description("ecb: the first month, e.g. 2021-01 (default: the configured one).") String from) {
        FetchLauncher.Filter f = filter == null ? null
                : new FetchLauncher.Filter(filter.years(), filter.exporters(), filter.importers(), filter.hs());
        Map<String, String> options = new HashMap<>();
        options.put("dataset", dataset);
        options.put("currencies", currencies);
        options.put("from", from);
        return FetchRun.of(fetches.start(source, f, version, options, Boolean.TRUE.equals(dryRun),
                Boolean.TRUE.equals(keepValid), Boolean.TRUE.equals(wait)));
    }

    @Query("fetchRuns")
    @NonNull
    @Description("Fetch runs, newest first (role admin).")
    public List<@NonNull FetchRun> fetchRuns(
            @Name("source") @Description("Only this source's runs.") String source,
            @Name("first") @Description("How many, 1 to 100 (default 20).") Integer first) {
        return fetches.runs(source, first == null ? 20 : first).stream().map(FetchRun::of).toList();
    }
}
