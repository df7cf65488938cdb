package org.tradeflows.curation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tradeflows.model.CompanyRecord;
import org.tradeflows.model.SanctionRecord;
import org.tradeflows.model.SourceRecord;
import org.tradeflows.model.StoredAlias;
import org.tradeflows.model.StoredIdentifier;

/** Records as the audit trail keeps them before and after a change: plain maps, JSON-ready, codes as text. */
final class Records {

    private Records() {
    }

    /** A live company (corrections never touch a merged one, so mergedIntoId is empty). */
    static Map<String, Object> snapshot(CompanyRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("nameOriginal", c.nameOriginal());
        m.put("countryCode", c.countryCode());
        m.put("city", c.city());
        m.put("specialEconomicZone", c.specialEconomicZone());
        m.put("description", c.description());
        m.put("mergedIntoId", null);
        m.put("sourceId", c.sourceId());
        return m;
    }

    static Map<String, Object> snapshot(StoredAlias a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aliasId", a.id());
        m.put("companyId", a.companyId());
        m.put("alias", a.alias());
        m.put("kind", a.kind().name());
        m.put("sourceId", a.sourceId());
        return m;
    }

    static Map<String, Object> snapshot(StoredIdentifier i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identifierId", i.id());
        m.put("companyId", i.companyId());
        m.put("scheme", i.scheme().name());
        m.put("value", i.value());
        m.put("sourceId", i.sourceId());
        return m;
    }

    static Map<String, Object> snapshot(SanctionRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("companyId", s.companyId());
        m.put("authority", s.authority().name());
        m.put("program", s.program());
        m.put("listedOn", s.listedOn() == null ? null : s.listedOn().toString());
        m.put("endedOn", s.endedOn() == null ? null : s.endedOn().toString());
        m.put("confirmed", s.confirmed());
        m.put("sourceId", s.sourceId());
        m.put("note", s.note());
        return m;
    }

    static Map<String, Object> snapshot(SourceRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("key", s.key());
        m.put("title", s.title());
        m.put("publisher", s.publisher());
        m.put("url", s.url());
        m.put("publishedOn", s.publishedOn() == null ? null : s.publishedOn().toString());
        m.put("kind", s.kind().name());
        m.put("licence", s.licence());
        m.put("citation", s.citation());
        m.put("note", s.note());
        return m;
    }
}
