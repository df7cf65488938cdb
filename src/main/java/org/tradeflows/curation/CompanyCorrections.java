package org.tradeflows.curation;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.tradeflows.api.types.AliasInput;
import org.tradeflows.api.types.CompanyUpdate;
import org.tradeflows.api.types.IdentifierInput;
import org.tradeflows.domain.Company;
import org.tradeflows.domain.CompanyAlias;
import org.tradeflows.domain.CompanyIdentifier;
import org.tradeflows.input.Codes;
import org.tradeflows.model.AliasKind;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.IdentifierScheme;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.security.AuditTrail;

/** Corrections of one company: its fields, aliases and identifiers. Each writes an audit entry in its transaction. */
@ApplicationScoped
@Transactional
public class CompanyCorrections {

    private final Lookups lookups;
    private final Codes codes;
    private final AuditTrail audit;

    public CompanyCorrections(Lookups lookups, Codes codes, AuditTrail audit) {
        this.lookups = lookups;
        this.codes = codes;
        this.audit = audit;
    }

    public org.tradeflows.api.types.Company update(CompanyUpdate input) {
        Company c = lookups.liveCompany("input.id", input.id());
        Map<String, Object> before = Records.snapshot(c);
        if (input.name() != null) {
            c.name = Inputs.required("input.name", input.name(), 300);
        }
        c.nameOriginal = Inputs.update("input.nameOriginal", input.nameOriginal(), c.nameOriginal, 300);
        c.city = Inputs.update("input.city", input.city(), c.city, 200);
        c.specialEconomicZone = Inputs.update("input.specialEconomicZone", input.specialEconomicZone(), c.specialEconomicZone, 200);
        c.description = Inputs.update("input.description", input.description(), c.description, 4000);
        if (input.countryCode() != null) {
            c.countryCode = input.countryCode().isBlank() ? null : country(input.countryCode());
        }
        Map<String, Object> after = Records.snapshot(c);
        if (!after.equals(before)) {
            audit.record(AuditAction.UPDATE_COMPANY, "Company", c.id, before, after);
        }
        return Records.company(c);
    }

    public org.tradeflows.api.types.Company addAlias(AliasInput input) {
        Company c = lookups.liveCompany("input.companyId", input.companyId());
        String name = Inputs.required("input.name", input.name(), 300);
        if (CompanyAlias.count("companyId = ?1 and alias = ?2", c.id, name) > 0) {
            throw new BadUserInputException("input.name: the company already has the alias '" + Printable.of(name) + "'");
        }
        CompanyAlias a = new CompanyAlias();
        a.companyId = c.id;
        a.alias = name;
        a.kind = (input.kind() == null ? AliasKind.ALIAS : input.kind()).name();
        a.sourceId = lookups.optionalSourceId("input.sourceId", input.sourceId());
        a.persistAndFlush();
        audit.record(AuditAction.ADD_ALIAS, "Company", c.id, null, Records.snapshot(a));
        return Records.company(c);
    }

    public org.tradeflows.api.types.Company removeAlias(AliasInput input) {
        Company c = lookups.liveCompany("input.companyId", input.companyId());
        String name = Inputs.required("input.name", input.name(), 300);
        CompanyAlias a = CompanyAlias.<CompanyAlias>find("companyId = ?1 and alias = ?2", c.id, name).firstResult();
        if (a == null) {
            throw new NotFoundException("input.name: the company has no alias '" + Printable.of(name) + "'");
        }
        Map<String, Object> before = Records.snapshot(a);
        a.delete();
        Panache.getEntityManager().flush();
        audit.record(AuditAction.REMOVE_ALIAS, "Company", c.id, before, null);
        return Records.company(c);
    }

    public org.tradeflows.api.types.Company addIdentifier(IdentifierInput input) {
        Company c = lookups.liveCompany("input.companyId", input.companyId());
        String value = identifierValue(input);
        CompanyIdentifier existing = CompanyIdentifier.<CompanyIdentifier>find("scheme = ?1 and value = ?2",
                input.scheme().name(), value).firstResult();
        if (existing != null) {
            throw new BadUserInputException("input.value: " + input.scheme() + " " + value + " already identifies "
                    + (existing.companyId.equals(c.id) ? "this company" : "the company " + GlobalId.of("Company", existing.companyId)));
        }
        CompanyIdentifier i = new CompanyIdentifier();
        i.companyId = c.id;
        i.scheme = input.scheme().name();
        i.value = value;
        i.sourceId = lookups.optionalSourceId("input.sourceId", input.sourceId());
        i.persistAndFlush();
        audit.record(AuditAction.ADD_IDENTIFIER, "Company", c.id, null, Records.snapshot(i));
        return Records.company(c);
    }

    public org.tradeflows.api.types.Company removeIdentifier(IdentifierInput input) {
        Company c = lookups.liveCompany("input.companyId", input.companyId());
        String value = Inputs.required("input.value", input.value(), 100);
        CompanyIdentifier i = CompanyIdentifier.<CompanyIdentifier>find("companyId = ?1 and scheme = ?2 and value = ?3",
                c.id, input.scheme().name(), value).firstResult();
        if (i == null) {
            throw new NotFoundException("input.value: the company has no " + input.scheme() + " '" + Printable.of(value) + "'");
        }
        Map<String, Object> before = Records.snapshot(i);
        i.delete();
        Panache.getEntityManager().flush();
        audit.record(AuditAction.REMOVE_IDENTIFIER, "Company", c.id, before, null);
        return Records.company(c);
    }

    private String country(String code) {
        try {
            return codes.countries("input.countryCode", List.of(code)).get(0);
        } catch (BadUserInputException e) {
            throw new BadUserInputException(e.getMessage().replaceFirst("^input\\.countryCode\\[0\\]", "input.countryCode"));
        }
    }

    private static String identifierValue(IdentifierInput input) {
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
