package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a fetch from a publisher stands.")
public enum FetchState {
    @Description("Accepted, waiting to start.")
    QUEUED,
    @Description("Downloading and loading.")
    RUNNING,
    @Description("Loaded (or, for a dry run, checked) in full.")
    SUCCEEDED,
    @Description("Stopped: nothing of it was written; the error says why.")
    FAILED,
    @Description("The publisher's version was loaded before with the same filter: nothing was fetched.")
    SKIPPED_UNCHANGED,
    @Description("Stopped cleanly before the end (UN Comtrade's daily call budget is spent): nothing loaded yet; the "
            + "calls done are kept and the same fetch run again resumes.")
    PAUSED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
