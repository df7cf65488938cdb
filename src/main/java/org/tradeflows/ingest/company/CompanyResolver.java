package org.tradeflows.ingest.company;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradeflows.ingest.IngestReport;
import org.tradeflows.ingest.LoadTally;
import org.tradeflows.store.CompanyBulkWriter;

/**
 * Finds the company a declared party is, by identifiers first, then by the matching key of its name among the
 * names and aliases of companies in the same country (or of unknown country) whose identifiers do not contradict
 * it. One candidate is a match: its new spellings become aliases and its new identifiers are added. Two or more are
 * an ambiguity: reported, left unlinked, never merged. None: a new company is created.
 */
public final class CompanyResolver {

    /** A party as a file declares it. */
    public record Party(String name, String country, List<Identifier> identifiers) {
    }

    /** The company a party resolved to, or null when it is ambiguous or has nothing to match on. */
    public record Result(Long companyId, boolean created, List<IngestReport.Candidate> candidates) {
        static final Result NONE = new Result(null, false, List.of());

        public boolean ambiguous() {
            return !candidates.isEmpty();
        }
    }

    private final CompanyIndex index;
    private final CompanyBulkWriter writer;
    private final Map<Party, Result> seen = new HashMap<>();
    private long matched;
    private long created;
    private long ambiguous;

    public CompanyResolver(CompanyIndex index, CompanyBulkWriter writer) {
        this.index = index;
        this.writer = writer;
    }

    /** Resolves a party; an ambiguity is reported to the tally the first time that party is seen. */
    public Result resolve(Party party, long line, String column, LoadTally tally) {
        Result known = seen.get(party);
        if (known != null) {
            return known;
        }
        Result result = decide(party);
        seen.put(party, result);
        if (result.ambiguous()) {
            ambiguous++;
            tally.ambiguous(new IngestReport.Ambiguity(line, column, party.name(), party.country(), result.candidates()));
        }
        return result;
    }

    private Result decide(Party party) {
        Set<Long> byIdentifier = new LinkedHashSet<>();
        for (Identifier i : party.identifiers()) {
            Long id = index.byIdentifier(i);
            if (id != null) {
                byIdentifier.add(id);
            }
        }
        if (byIdentifier.size() > 1) {
            return new Result(null, false, candidates(byIdentifier));
        }
        if (byIdentifier.size() == 1) {
            long id = byIdentifier.iterator().next();
            learn(id, party);
            matched++;
            return new Result(id, false, List.of());
        }
        String key = party.name() == null ? "" : CompanyNames.key(party.name());
        if (key.isEmpty()) {
            return Result.NONE;
        }
        List<Long> candidates = new ArrayList<>();
        for (long id : index.byKey(key)) {
            CompanyIndex.Known k = index.get(id);
            if (k != null && sameCountry(k, party.country()) && compatible(k, party.identifiers())) {
                candidates.add(id);
            }
        }
        if (candidates.size() > 1) {
            return new Result(null, false, candidates(candidates));
        }
        if (candidates.size() == 1) {
            long id = candidates.get(0);
            learn(id, party);
            matched++;
            return new Result(id, false, List.of());
        }
        return new Result(create(party), true, List.of());
    }

    private static boolean sameCountry(CompanyIndex.Known k, String country) {
        return country == null || k.country == null || k.country.equals(country);
    }

    private static boolean compatible(CompanyIndex.Known k, List<Identifier> identifiers) {
        for (Identifier i : identifiers) {
            String existing = k.uniqueIdentifiers.get(i.scheme());
            if (existing != null && !existing.equals(i.value())) {
                return false;
            }
        }
        return true;
    }

    private List<IngestReport.Candidate> candidates(Iterable<Long> ids) {
        List<IngestReport.Candidate> out = new ArrayList<>();
        for (long id : ids) {
            CompanyIndex.Known k = index.get(id);
            out.add(new IngestReport.Candidate(id, k == null ? null : k.name, k == null ? null : k.country));
        }
        return out;
    }

    /** A matched company learns the party's spelling (as an alias) and identifiers it did not have. */
    private void learn(long id, Party party) {
        CompanyIndex.Known k = index.get(id);
        if (party.name() != null && k != null && !k.spellings.contains(CompanyNames.spelling(party.name()))) {
            writer.alias(id, party.name(), aliasKind(party.name()));
            index.addName(id, party.name());
        }
        for (Identifier i : party.identifiers()) {
            if (index.byIdentifier(i) == null) {
                writer.identifier(id, i.scheme(), i.value());
                index.addIdentifier(id, i);
            }
        }
    }

    private long create(Party party) {
        String name = party.name();
        boolean cyrillic = Cyrillic.contains(name);
        String display = cyrillic ? Cyrillic.toLatin(name) : name;
        long id = writer.create(display, cyrillic || !isLatin(name) ? name : null, party.country());
        index.add(new CompanyIndex.Known(id, display, party.country()));
        index.addName(id, display);
        index.addName(id, name);
        for (Identifier i : party.identifiers()) {
            if (index.byIdentifier(i) == null) {
                writer.identifier(id, i.scheme(), i.value());
                index.addIdentifier(id, i);
            }
        }
        created++;
        return id;
    }

    /** Adds names the source gives besides the main one (aliases, former names) to a resolved company. */
    public void addAliases(long id, List<String> names, String kind) {
        CompanyIndex.Known k = index.get(id);
        for (String n : names) {
            if (k != null && !n.isBlank() && !k.spellings.contains(CompanyNames.spelling(n))) {
                writer.alias(id, n.trim(), kind == null ? aliasKind(n) : kind);
                index.addName(id, n);
            }
        }
    }

    static String aliasKind(String name) {
        return isLatin(name) ? "ALIAS" : "ORIGINAL_SCRIPT";
    }

    private static boolean isLatin(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isLetter(ch) && Character.UnicodeScript.of(ch) != Character.UnicodeScript.LATIN) {
                return false;
            }
        }
        return true;
    }

    public long matched() {
        return matched;
    }

    public long created() {
        return created;
    }

    public long ambiguous() {
        return ambiguous;
    }
}
