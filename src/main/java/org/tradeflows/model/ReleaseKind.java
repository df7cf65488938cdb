package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What a data release holds.")
public enum ReleaseKind {
    @Description("Reference data: countries, the HS tree, CHPL, topics.")
    REFERENCE,
    @Description("The open story dataset of findings, companies and sanctions.")
    STORY,
    @Description("A file loaded by the data team.")
    INGEST,
    @Description("Generated data for tests and benchmarks, kept apart from facts.")
    SYNTHETIC,
    @Description("Data fetched from its publisher by the service or the fetch command, with its provenance.")
    FETCH
}
