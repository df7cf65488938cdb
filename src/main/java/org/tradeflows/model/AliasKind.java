package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Kind of another name of a company.")
public enum AliasKind {
    @Description("The name in its original script.")
    ORIGINAL_SCRIPT,
    @Description("A transliteration into Latin script.")
    TRANSLITERATION,
    @Description("Another spelling or name in use.")
    ALIAS,
    @Description("An abbreviation.")
    ABBREVIATION,
    @Description("A former name.")
    FORMER_NAME
}
