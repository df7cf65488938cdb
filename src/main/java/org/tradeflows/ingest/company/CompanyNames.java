package org.tradeflows.ingest.company;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Company names reduced to a key for matching: case, accents, punctuation and spacing are ignored, Cyrillic is
 * transliterated, common spelling variants of transliteration are folded (kh/h, ts/c, y/j/i, x/ks, doubled
 * letters; digits are never folded),
 * and legal-form words are dropped (LLC, Ltd, Co., JSC, OOO/ООО, AO/АО, PJSC, GmbH, 有限公司, «общество с
 * ограниченной ответственностью», ...). «ООО «Юником»», "Yunikom LLC" and "YUNIKOM, L.L.C." share one key.
 * A key says two names may be the same company; the resolver still checks country and identifiers.
 */
public final class CompanyNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DROPPED = Pattern.compile("[.'’`´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String[] CHINESE_FORMS = {"股份有限公司", "有限责任公司", "有限公司", "公司"};

    private static final Set<String> FORM_WORDS = new HashSet<>();
    private static final List<List<String>> FORM_PHRASES = new ArrayList<>();

    static {
        for (String w : ("llc ltd limited co corp corporation inc incorporated company jsc ojsc cjsc pjsc ao oao zao pao "
                + "ooo nao gmbh ag sa sas sarl srl spa bv nv plc llp lp pte pty kg oy ab fze fzco fzc tov pp").split(" ")) {
            FORM_WORDS.add(fold(w));
        }
        for (String p : new String[] {"obshchestvo s ogranichennoy otvetstvennostyu", "aktsionernoe obshchestvo",
                "publichnoe aktsionernoe obshchestvo", "zakrytoe aktsionernoe obshchestvo",
                "otkrytoe aktsionernoe obshchestvo", "nepublichnoe aktsionernoe obshchestvo",
                "tovarystvo z obmezhenoyu vidpovidalnistyu", "limited liability company", "joint stock company",
                "public joint stock company", "closed joint stock company", "open joint stock company",
                "company limited", "public limited company", "limited partnership", "sole proprietorship"}) {
            List<String> tokens = new ArrayList<>();
            for (String t : p.split(" ")) {
                tokens.add(fold(t));
            }
            FORM_PHRASES.add(tokens);
        }
        FORM_PHRASES.sort((a, b) -> b.size() - a.size());
    }

    private CompanyNames() {
    }

    /** The matching key of a name: lower-case letters and digits of any script; empty when nothing is left. */
    public static String key(String name) {
        List<String> tokens = tokens(name);
        List<String> withoutForms = dropLegalForms(tokens);
        return String.join("", withoutForms.isEmpty() ? tokens : withoutForms);
    }

    /** Two spellings that differ only in case and spacing are the same spelling (no alias is added for them). */
    public static String spelling(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static List<String> tokens(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        for (String form : CHINESE_FORMS) {
            s = s.replace(form, " ");
        }
        s = s.replace("&", " and ");
        s = DROPPED.matcher(s).replaceAll("");
        s = Cyrillic.toLatin(s);
        List<String> tokens = new ArrayList<>();
        for (String t : SEPARATORS.split(s)) {
            if (!t.isEmpty()) {
                tokens.add(fold(t));
            }
        }
        return tokens;
    }

    /** Folds spelling variants of transliteration so that Yunikom/Iunikom, Aviatsiya/Aviaciya, Kh/H agree. */
    static String fold(String token) {
        String t = token.replace("shch", "sch").replace("kh", "h").replace("ts", "c").replace("tz", "c")
                .replace("x", "ks").replace('y', 'i').replace('j', 'i');
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (i == 0 || ch != t.charAt(i - 1) || !Character.isLetter(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static List<String> dropLegalForms(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        outer:
        while (i < tokens.size()) {
            for (List<String> phrase : FORM_PHRASES) {
                if (i + phrase.size() <= tokens.size() && tokens.subList(i, i + phrase.size()).equals(phrase)) {
                    i += phrase.size();
                    continue outer;
                }
            }
            if (!FORM_WORDS.contains(tokens.get(i))) {
                out.add(tokens.get(i));
            }
            i++;
        }
        return out;
    }
}
