package org.tradeflows.ingest.sanctions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.company.Identifier;
import org.tradeflows.ingest.reference.ReferenceData;

/** Values as OpenSanctions writes them: lower-case country codes, dates of any precision, unlabelled identifiers. */
final class OpenSanctionsValues {

    static final Set<String> COMPANY_SCHEMAS = Set.of("Company", "Organization", "LegalEntity");

    private OpenSanctionsValues() {
    }

    /** The ISO countries among the codes (OpenSanctions also uses codes such as "suhh" or "ru-cri": ignored). */
    static List<String> countries(Collection<String> codes, ReferenceData reference) {
        Set<String> out = new LinkedHashSet<>();
        for (String code : codes) {
            String c = code.trim();
            if (c.length() == 2 && reference.country(c) != null) {
                out.add(reference.country(c));
            }
        }
        return new ArrayList<>(out);
    }

    /** Identifiers whose scheme can be told from their format and check digits; others are not kept. */
    static List<Identifier> inferred(Collection<String> values, Collection<String> countries) {
        List<Identifier> out = new ArrayList<>();
        for (String v : values) {
            Identifier id = Identifier.infer(v, countries);
            if (id != null && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** A full date (YYYY-MM-DD), checked; partial dates (YYYY, YYYY-MM) are not precise enough and give null. */
    static LocalDate date(String value, String column, RowCheck check) {
        if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.substring(0, 10));
            return check.inRange(column, d, value) ? d : null;
        } catch (DateTimeParseException e) {
            check.problem(column, "not a real date", value);
            return null;
        }
    }

    static String limit(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
