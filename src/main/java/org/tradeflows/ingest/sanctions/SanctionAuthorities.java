package org.tradeflows.ingest.sanctions;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the authority behind a sanction from what OpenSanctions gives: the Sanction's authority text, its program,
 * the dataset it comes from (ids such as us_ofac_sdn or titles such as "EU Financial Sanctions Files") and its
 * country. What none of them settles is OTHER, with the text kept as program.
 */
public final class SanctionAuthorities {

    private static final List<Map.Entry<String, List<String>>> RULES = List.of(
            Map.entry("US_BIS", List.of("bureau of industry and security", "entity list", "us_bis", "us bis",
                    "denied persons", "military end user")),
            Map.entry("US_OFAC", List.of("office of foreign assets control", "ofac", "specially designated nationals",
                    "eo13662", "eo14024", "eo 14024", "eo 13662", "ukraine-eo", "russia-eo")),
            Map.entry("EU", List.of("european union", "council of the european union", "eu_", "eu financial sanctions",
                    "(eu)", "eu regulation", "council regulation", "council decision")),
            Map.entry("UK", List.of("hm treasury", "office of financial sanctions implementation", "ofsi", "fcdo",
                    "foreign, commonwealth", "gb_", "uk sanctions", "uk hmt", "united kingdom")),
            Map.entry("SWITZERLAND", List.of("state secretariat for economic affairs", "seco", "ch_", "swiss")),
            Map.entry("JAPAN", List.of("japan", "jp_", "ministry of economy, trade and industry")),
            Map.entry("UKRAINE", List.of("national security and defense council", "nsdc", "ua_", "ukraine")),
            Map.entry("CANADA", List.of("global affairs canada", "canada", "canadian", "ca_")),
            Map.entry("AUSTRALIA", List.of("department of foreign affairs and trade", "dfat", "australia", "au_")));

    private static final Map<String, String> BY_COUNTRY = Map.of("eu", "EU", "gb", "UK", "ch", "SWITZERLAND",
            "jp", "JAPAN", "ua", "UKRAINE", "ca", "CANADA", "au", "AUSTRALIA");

    private SanctionAuthorities() {
    }

    /** The authority, trying each clue in turn (most specific first). */
    public static String of(String authority, String program, Collection<String> datasets, Collection<String> countries) {
        for (String clue : new String[] {authority, program}) {
            String found = match(clue);
            if (found != null) {
                return found;
            }
        }
        String fromDatasets = null;
        for (String d : datasets) {
            String found = match(d);
            if (found != null) {
                if (fromDatasets != null && !fromDatasets.equals(found)) {
                    fromDatasets = null;
                    break;
                }
                fromDatasets = found;
            }
        }
        if (fromDatasets != null) {
            return fromDatasets;
        }
        for (String c : countries) {
            String found = BY_COUNTRY.get(c.toLowerCase(Locale.ROOT));
            if (found != null) {
                return found;
            }
        }
        return "OTHER";
    }

    private static String match(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        for (var rule : RULES) {
            for (String needle : rule.getValue()) {
                if (needle.endsWith("_") ? t.startsWith(needle) : t.contains(needle)) {
                    return rule.getKey();
                }
            }
        }
        return null;
    }
}
