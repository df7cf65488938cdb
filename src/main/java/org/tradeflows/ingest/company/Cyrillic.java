package org.tradeflows.ingest.company;

import java.util.HashMap;
import java.util.Map;

/**
 * Cyrillic to Latin transliteration (Russian and Ukrainian letters, BGN/PCGN style: Ж zh, Х kh, Ц ts, Щ shch,
 * Ю yu, Я ya), keeping capitals so that a transliterated name can be shown: «Уральский завод» → «Uralskiy zavod».
 */
public final class Cyrillic {

    private static final Map<Character, String> LOWER = new HashMap<>();

    static {
        String[][] table = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"}, {"з", "z"},
            {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"},
            {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"},
            {"щ", "shch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"},
            {"і", "i"}, {"ї", "yi"}, {"є", "ye"}, {"ґ", "g"}, {"ў", "u"}
        };
        for (String[] pair : table) {
            LOWER.put(pair[0].charAt(0), pair[1]);
        }
    }

    private Cyrillic() {
    }

    public static boolean contains(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    public static String toLatin(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            char lower = Character.toLowerCase(ch);
            String latin = LOWER.get(lower);
            if (latin == null) {
                out.append(ch);
            } else if (ch == lower || latin.isEmpty()) {
                out.append(latin);
            } else {
                boolean wordInCapitals = i + 1 < text.length() && Character.isUpperCase(text.charAt(i + 1));
                out.append(wordInCapitals ? latin.toUpperCase() : Character.toUpperCase(latin.charAt(0)) + latin.substring(1));
            }
        }
        return out.toString();
    }
}
