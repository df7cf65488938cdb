package org.tradeflows.api;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.api.types.AliasInput;
import org.tradeflows.api.types.AttachedSource;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.CompanyUpdate;
import org.tradeflows.api.types.IdentifierInput;
import org.tradeflows.api.types.MergeInput;
import org.tradeflows.api.types.MergeResult;
import org.tradeflows.api.types.Sanction;
import org.tradeflows.api.types.SanctionEnd;
import org.tradeflows.api.types.SanctionInput;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.api.types.SourceAttachment;
import org.tradeflows.api.types.SourceInput;
import org.tradeflows.curation.CompanyCorrections;
import org.tradeflows.curation.CompanyMerges;
import org.tradeflows.curation.SanctionCorrections;
import org.tradeflows.curation.SourceCorrections;
import org.tradeflows.model.Corrections;
import org.tradeflows.security.Roles;

/** Curated corrections: each needs a key with role curator, runs in one transaction and writes an audit entry. */
@GraphQLApi
@RolesAllowed(Roles.CURATOR)
public class CurationApi {

    private final CompanyCorrections companies;
    private final CompanyMerges merges;
    private final SanctionCorrections sanctions;
    private final SourceCorrections sources;

    public CurationApi(CompanyCorrections companies, CompanyMerges merges, SanctionCorrections sanctions,
            SourceCorrections sources) {
        this.companies = companies;
        this.merges = merges;
        this.sanctions = sanctions;
        this.sources = sources;
    }

    @Mutation("updateCompany")
    @NonNull
    @Description("Changes fields of a company (role curator).")
    public Company updateCompany(@NonNull @Name("input") @Description("The company and its new values.") CompanyUpdate input) {
        return Company.of(companies.update(new Corrections.CompanyChange(input.id(), input.name(), input.nameOriginal(),
                input.countryCode(), input.city(), input.specialEconomicZone(), input.description())));
    }

    @Mutation("addCompanyAlias")
    @NonNull
    @Description("Adds another name to a company (role curator).")
    public Company addCompanyAlias(@NonNull @Name("input") @Description("The company and the name.") AliasInput input) {
        return Company.of(companies.addAlias(alias(input)));
    }

    @Mutation("removeCompanyAlias")
    @NonNull
    @Description("Removes another name from a company (role curator).")
    public Company removeCompanyAlias(@NonNull @Name("input") @Description("The company and the name.") AliasInput input) {
        return Company.of(companies.removeAlias(alias(input)));
    }

    @Mutation("addCompanyIdentifier")
    @NonNull
    @Description("Adds a registry identifier to a company (role curator); it must not identify another company.")
    public Company addCompanyIdentifier(
            @NonNull @Name("input") @Description("The company and the identifier.") IdentifierInput input) {
        return Company.of(companies.addIdentifier(identifier(input)));
    }

    @Mutation("removeCompanyIdentifier")
    @NonNull
    @Description("Removes a registry identifier from a company (role curator).")
    public Company removeCompanyIdentifier(
            @NonNull @Name("input") @Description("The company and the identifier.") IdentifierInput input) {
        return Company.of(companies.removeIdentifier(identifier(input)));
    }

    @Mutation("mergeCompanies")
    @NonNull
    @Description("Merges two records of the same company (role curator): flows, findings, sanctions, aliases, identifiers "
            + "and ownership links move to the survivor, the merged company's names become its aliases, and the merged id "
            + "resolves to the survivor. Undo it with undoMerge and the returned audit entry.")
    public MergeResult mergeCompanies(@NonNull @Name("input") @Description("The two companies.") MergeInput input) {
        Corrections.Merged merged = merges.merge(input.survivorId(), input.mergedId());
        return new MergeResult(Company.of(merged.survivor()), merged.auditEntryId());
    }

    @Mutation("undoMerge")
    @NonNull
    @Description("Reverts a merge exactly, from its audit entry (role curator); returns the company that had been merged.")
    public Company undoMerge(
            @NonNull @Id @Name("auditEntryId") @Description("Global id of the merge's audit entry.") String auditEntryId) {
        return Company.of(merges.undo(auditEntryId));
    }

    @Mutation("recordSanction")
    @NonNull
    @Description("Records a sanctions listing of a company (role curator).")
    public Sanction recordSanction(@NonNull @Name("input") @Description("The listing.") SanctionInput input) {
        return Sanction.of(sanctions.record(new Corrections.NewSanction(input.companyId(), input.authority(),
                input.program(), input.listedOn(), input.endedOn(), input.confirmed(), input.sourceId(), input.note())));
    }

    @Mutation("endSanction")
    @NonNull
    @Description("Records the end of a sanctions listing (role curator).")
    public Sanction endSanction(@NonNull @Name("input") @Description("The listing and its end date.") SanctionEnd input) {
        return Sanction.of(sanctions.end(new Corrections.SanctionEnding(input.sanctionId(), input.endedOn())));
    }

    @Mutation("createSource")
    @NonNull
    @Description("Records a new source that corrections can cite (role curator).")
    public SourceType createSource(@NonNull @Name("input") @Description("The source.") SourceInput input) {
        return SourceType.of(sources.create(new Corrections.NewSource(input.key(), input.title(), input.publisher(),
                input.url(), input.publishedOn(), input.kind(), input.licence(), input.citation(), input.note())));
    }

    @Mutation("attachSource")
    @NonNull
    @Description("Sets the source of a company, sanction, finding or trade volume (role curator).")
    public AttachedSource attachSource(@NonNull @Name("input") @Description("The record and the source.") SourceAttachment input) {
        Corrections.Attached attached = sources.attach(new Corrections.Attachment(input.recordId(), input.sourceId()));
        return new AttachedSource(attached.recordId(), SourceType.of(attached.source()),
                attached.previousSource() == null ? null : SourceType.of(attached.previousSource()));
    }

    private static Corrections.Alias alias(AliasInput input) {
        return new Corrections.Alias(input.companyId(), input.name(), input.kind(), input.sourceId());
    }

    private static Corrections.Identifier identifier(IdentifierInput input) {
        return new Corrections.Identifier(input.companyId(), input.scheme(), input.value(), input.sourceId());
    }
}
