package org.tradeflows.model;

import java.time.LocalDate;

/**
 * What a curator asks for, as the services of curation/ take it: plain values, ids still global (the services check
 * them and name the field in their errors). The API's input types are mapped to these.
 */
public final class Corrections {

    private Corrections() {
    }

    /** New values for a company's fields: null keeps a value, an empty string clears it (except name). */
    public record CompanyChange(String id, String name, String nameOriginal, String countryCode, String city,
            String specialEconomicZone, String description) {
    }

    public record Alias(String companyId, String name, AliasKind kind, String sourceId) {
    }

    public record Identifier(String companyId, IdentifierScheme scheme, String value, String sourceId) {
    }

    public record NewSanction(String companyId, SanctionAuthority authority, String program, LocalDate listedOn,
            LocalDate endedOn, Boolean confirmed, String sourceId, String note) {
    }

    public record SanctionEnding(String sanctionId, LocalDate endedOn) {
    }

    public record NewSource(String key, String title, String publisher, String url, LocalDate publishedOn,
            SourceKind kind, String licence, String citation, String note) {
    }

    public record Attachment(String recordId, String sourceId) {
    }

    /** A merge done: the survivor and the global id of the audit entry that undoes it. */
    public record Merged(CompanyRecord survivor, String auditEntryId) {
    }

    /** A source attached to a record, and the source it cited before (null if none). */
    public record Attached(String recordId, SourceRecord source, SourceRecord previousSource) {
    }
}
