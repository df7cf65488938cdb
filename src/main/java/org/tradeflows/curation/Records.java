package org.tradeflows.curation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tradeflows.api.types.CompanyAlias;
import org.tradeflows.api.types.CompanyIdentifier;
import org.tradeflows.domain.Company;
import org.tradeflows.domain.Sanction;
import org.tradeflows.domain.Source;
import org.tradeflows.model.AliasKind;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.IdentifierScheme;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.model.SourceKind;

/** Entities turned into what leaves the service: API records, and audit snapshots (plain maps, JSON-ready). */
final class Records {

    private Records() {
    }

    static org.tradeflows.api.types.Company company(Company c) {
        return new org.tradeflows.api.types.Company(GlobalId.of("Company", c.id), c.name, c.nameOriginal, c.city,
                c.specialEconomicZone, c.description, c.id, c.countryCode, c.sourceId);
    }

    static org.tradeflows.api.types.Sanction sanction(Sanction s) {
        return new org.tradeflows.api.types.Sanction(GlobalId.of("Sanction", s.id), SanctionAuthority.valueOf(s.authority),
                s.program, s.listedOn, s.endedOn, s.confirmed, s.note, s.companyId, s.sourceId);
    }

    static org.tradeflows.api.types.Source source(Source s) {
        return new org.tradeflows.api.types.Source(GlobalId.of("Source", s.id), s.key, s.title, s.publisher, s.url,
                s.publishedOn, SourceKind.valueOf(s.kind), s.licence, s.citation, s.note);
    }

    static CompanyAlias alias(org.tradeflows.domain.CompanyAlias a) {
        return new CompanyAlias(a.alias, AliasKind.valueOf(a.kind));
    }

    static CompanyIdentifier identifier(org.tradeflows.domain.CompanyIdentifier i) {
        return new CompanyIdentifier(IdentifierScheme.valueOf(i.scheme), i.value);
    }

    static Map<String, Object> snapshot(Company c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("name", c.name);
        m.put("nameOriginal", c.nameOriginal);
        m.put("countryCode", c.countryCode);
        m.put("city", c.city);
        m.put("specialEconomicZone", c.specialEconomicZone);
        m.put("description", c.description);
        m.put("mergedIntoId", c.mergedIntoId);
        m.put("sourceId", c.sourceId);
        return m;
    }

    static Map<String, Object> snapshot(org.tradeflows.domain.CompanyAlias a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aliasId", a.id);
        m.put("companyId", a.companyId);
        m.put("alias", a.alias);
        m.put("kind", a.kind);
        m.put("sourceId", a.sourceId);
        return m;
    }

    static Map<String, Object> snapshot(org.tradeflows.domain.CompanyIdentifier i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identifierId", i.id);
        m.put("companyId", i.companyId);
        m.put("scheme", i.scheme);
        m.put("value", i.value);
        m.put("sourceId", i.sourceId);
        return m;
    }

    static Map<String, Object> snapshot(Sanction s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("companyId", s.companyId);
        m.put("authority", s.authority);
        m.put("program", s.program);
        m.put("listedOn", s.listedOn == null ? null : s.listedOn.toString());
        m.put("endedOn", s.endedOn == null ? null : s.endedOn.toString());
        m.put("confirmed", s.confirmed);
        m.put("sourceId", s.sourceId);
        m.put("note", s.note);
        return m;
    }

    static Map<String, Object> snapshot(Source s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("key", s.key);
        m.put("title", s.title);
        m.put("publisher", s.publisher);
        m.put("url", s.url);
        m.put("publishedOn", s.publishedOn == null ? null : s.publishedOn.toString());
        m.put("kind", s.kind);
        m.put("licence", s.licence);
        m.put("citation", s.citation);
        m.put("note", s.note);
        return m;
    }
}
