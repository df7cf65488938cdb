package org.tradeflows.api;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.store.ReleaseStore;

/** Data releases: what was loaded, when, with which counts. */
@GraphQLApi
public class ReleaseApi {

    private final ReleaseStore releases;

    public ReleaseApi(ReleaseStore releases) {
        this.releases = releases;
    }

    @Query("dataReleases")
    @Description("All data releases, oldest first. Synthetic releases (generated test data) only when asked for.")
    public List<@NonNull DataRelease> dataReleases(
            @Name("includeSynthetic") @Description("Also list synthetic releases (default false).") Boolean includeSynthetic) {
        return releases.all(Boolean.TRUE.equals(includeSynthetic)).stream().map(DataRelease::of).toList();
    }

    @Query("currentRelease")
    @Description("The newest release of real (non-synthetic) data; it changes whenever data is loaded.")
    public DataRelease currentRelease() {
        return releases.current().map(DataRelease::of).orElse(null);
    }
}
