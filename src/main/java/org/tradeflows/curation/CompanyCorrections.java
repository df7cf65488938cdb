package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.tradeflows.model.AliasKind;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CompanyRecord;
import org.tradeflows.model.Corrections;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.IdentifierScheme;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.model.StoredAlias;
import org.tradeflows.model.StoredIdentifier;
import org.tradeflows.security.AuditTrail;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.KnownCountries;

/** Corrections of one company: its fields, aliases and identifiers. Each writes an audit entry in its transaction. */
@ApplicationScoped
@Transactional
public class CompanyCorrections {

    private final Lookups lookups;
    private final KnownCountries countries;
    private final CompanyStore companies;
    private final AuditTrail audit;

    public CompanyCorrections(Lookups lookups, KnownCountries countries, CompanyStore companies, AuditTrail audit) {
        this.lookups = lookups;
        this.countries = countries;
        this.companies = companies;
        this.audit = audit;
    }

    public CompanyRecord update(Corrections.CompanyChange input) {
        CompanyRecord c = lookups.liveCompany("input.id", input.id());
        Map<String, Object> before = Records.snapshot(c);
        String name = input.name() == null ? c.name() : Inputs.required("input.name", input.name(), 300);
        String nameOriginal = Inputs.update("input.nameOriginal", input.nameOriginal(), c.nameOriginal(), 300);
        String city = Inputs.update("input.city", input.city(), c.city(), 200);
        String zone = Inputs.update("input.specialEconomicZone", input.specialEconomicZone(), c.specialEconomicZone(),
                200);
        String description = Inputs.update("input.description", input.description(), c.description(), 4000);
        String countryCode = c.countryCode();
        if (input.countryCode() != null) {
            countryCode = input.countryCode().isBlank() ? null : country(input.countryCode());
        }
        CompanyRecord changed = new CompanyRecord(c.id(), name, nameOriginal, city, zone, description, countryCode,
                c.sourceId());
        Map<String, Object> after = Records.snapshot(changed);
        if (!after.equals(before)) {
            companies.update(changed);
            audit.record(AuditAction.UPDATE_COMPANY, "Company", c.id(), before, after);
        }
        return changed;
    }

    public CompanyRecord addAlias(Corrections.Alias input) {
        CompanyRecord c = lookups.liveCompany("input.companyId", input.companyId());
        String name = Inputs.required("input.name", input.name(), 300);
        if (companies.alias(c.id(), name).isPresent()) {
            throw new BadUserInputException("input.name: the company already has the alias '" + Printable.of(name) + "'");
        }
        AliasKind kind = input.kind() == null ? AliasKind.ALIAS : input.kind();
        StoredAlias a = companies.addAlias(c.id(), name, kind,
                lookups.optionalSourceId("input.sourceId", input.sourceId()));
        audit.record(AuditAction.ADD_ALIAS, "Company", c.id(), null, Records.snapshot(a));
        return c;
    }

    public CompanyRecord removeAlias(Corrections.Alias input) {
        CompanyRecord c = lookups.liveCompany("input.companyId", input.companyId());
        String name = Inputs.required("input.name", input.name(), 300);
        StoredAlias a = companies.alias(c.id(), name).orElseThrow(
                () -> new NotFoundException("input.name: the company has no alias '" + Printable.of(name) + "'"));
        companies.removeAlias(a.id());
        audit.record(AuditAction.REMOVE_ALIAS, "Company", c.id(), Records.snapshot(a), null);
        return c;
    }

    public CompanyRecord addIdentifier(Corrections.Identifier input) {
        CompanyRecord c = lookups.liveCompany("input.companyId", input.companyId());
        String value = identifierValue(input);
        companies.identifier(input.scheme(), value).ifPresent(existing -> {
            throw new BadUserInputException("input.value: " + input.scheme() + " " + value + " already identifies "
                    + (existing.companyId() == c.id() ? "this company" : "the company " + GlobalId.of("Company",
                    existing.companyId())));
        });
        StoredIdentifier i = companies.addIdentifier(c.id(), input.scheme(), value,
                lookups.optionalSourceId("input.sourceId", input.sourceId()));
        audit.record(AuditAction.ADD_IDENTIFIER, "Company", c.id(), null, Records.snapshot(i));
        return c;
    }

    public CompanyRecord removeIdentifier(Corrections.Identifier input) {
        CompanyRecord c = lookups.liveCompany("input.companyId", input.companyId());
        String value = Inputs.required("input.value", input.value(), 100);
        StoredIdentifier i = companies.identifier(c.id(), input.scheme(),
                value).orElseThrow(() -> new NotFoundException(
                "input.value: the company has no " + input.scheme() + " '" + Printable.of(value) + "'"));
        companies.removeIdentifier(i.id());
        audit.record(AuditAction.REMOVE_IDENTIFIER, "Company", c.id(), Records.snapshot(i), null);
        return c;
    }

    private String country(String code) {
        try {
            return countries.countries("input.countryCode", List.of(code)).get(0);
        } catch (BadUserInputException e) {
            throw new BadUserInputException(e.getMessage().replaceFirst("^input\\.countryCode\\[0\\]", "input.countryCode"));
        }
    }

    private static String identifierValue(Corrections.Identifier input) {
        String value = Inputs.required("input.value", input.value(), 100);
        if (input.scheme() == IdentifierScheme.USCC || input.scheme() == IdentifierScheme.LEI
                || input.scheme() == IdentifierScheme.KPP) {
            value = value.toUpperCase(java.util.Locale.ROOT);
        }
        // the format the database enforces, checked first so that the error names the field
        if (!input.scheme().fits(value)) {
            throw new BadUserInputException("input.value: '" + Printable.of(value) + "' is not a valid " + input.scheme()
                    + switch (input.scheme()) {
                        case INN -> " (10 or 12 digits)";
                        case OGRN -> " (13 or 15 digits)";
                        case KPP -> " (4 digits, 2 digits or capital letters, 3 digits)";
                        case USCC -> " (18 characters: digits and capital letters except I, O, S, V, Z)";
                        case LEI -> " (18 digits or capital letters and 2 check digits)";
                        default -> "";
                    });
        }
        return value;
    }
}
