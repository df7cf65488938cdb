package org.tradeflows.model;

import java.util.regex.Pattern;
import org.eclipse.microprofile.graphql.Description;

/** Registry identifier schemes, each with the one statement of its format that curation and ingest check against. */
@Description("Registry identifier schemes.")
public enum IdentifierScheme {
    @Description("Russian taxpayer number (10 or 12 digits).")
    INN("[0-9]{10}|[0-9]{12}"),
    @Description("Russian primary state registration number (13 or 15 digits).")
    OGRN("[0-9]{13}|[0-9]{15}"),
    @Description("Russian tax registration reason code (9 characters).")
    KPP("[0-9]{4}[0-9A-Z]{2}[0-9]{3}"),
    @Description("Chinese unified social credit code (18 characters).")
    USCC("[0-9A-HJ-NPQRTUWXY]{18}"),
    @Description("Legal Entity Identifier (20 characters).")
    LEI("[0-9A-Z]{18}[0-9]{2}"),
    @Description("OpenSanctions entity id.")
    OPENSANCTIONS(null),
    @Description("Another identifier.")
    OTHER(null);

    private final Pattern format;

    IdentifierScheme(String format) {
        this.format = format == null ? null : Pattern.compile(format);
    }

    /** The whole-value format of a cleaned identifier, or null where the scheme has none. */
    public Pattern format() {
        return format;
    }

    /** True when the value has the scheme's format (always, for a scheme without one). */
    public boolean fits(String value) {
        return format == null || format.matcher(value).matches();
    }
}
