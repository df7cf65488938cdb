package org.tradeflows.ingest.company;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tradeflows.model.IdentifierScheme;

/**
 * A company identifier: its scheme (as in {@code company_identifier.scheme}) and its value, cleaned of spaces and
 * dashes. {@link #parse} checks a labelled one against its scheme's format; {@link #infer} recognises an unlabelled
 * one only where its format and check digits leave no doubt (INN, OGRN, LEI, USCC; KPP only for Russian companies).
 */
public record Identifier(String scheme, String value) {

    public static final String INN = "INN";
    public static final String OGRN = "OGRN";
    public static final String KPP = "KPP";
    public static final String USCC = "USCC";
    public static final String LEI = "LEI";
    public static final String OPENSANCTIONS = "OPENSANCTIONS";
    public static final String OTHER = "OTHER";

    private static final Pattern INN_FORMAT = IdentifierScheme.INN.format();
    private static final Pattern OGRN_FORMAT = IdentifierScheme.OGRN.format();
    private static final Pattern KPP_FORMAT = IdentifierScheme.KPP.format();
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern USCC_FORMAT = IdentifierScheme.USCC.format();
    private static final Pattern LEI_FORMAT = IdentifierScheme.LEI.format();

    /** The key an identifier is indexed under. */
    public String key() {
        return scheme + ":" + value;
    }

    /** True for the schemes that identify exactly one legal entity (a KPP is shared by branches, OTHER is vague). */
    public boolean unique() {
        return INN.equals(scheme) || OGRN.equals(scheme) || USCC.equals(scheme) || LEI.equals(scheme)
                || OPENSANCTIONS.equals(scheme);
    }

    public static String clean(String value) {
        return value.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** A labelled identifier, or null with the problem written to {@code problem[0]}. */
    public static Identifier parse(String scheme, String rawValue, String[] problem) {
        String s = scheme.trim().toUpperCase(Locale.ROOT);
        String v = OPENSANCTIONS.equals(s) || OTHER.equals(s) ? rawValue.trim() : clean(rawValue);
        if (v.isEmpty()) {
            problem[0] = "identifier " + s + " has no value";
            return null;
        }
        boolean ok = switch (s) {
            case INN -> INN_FORMAT.matcher(v).matches();
            case OGRN -> OGRN_FORMAT.matcher(v).matches();
            case KPP -> KPP_FORMAT.matcher(v).matches();
            case USCC -> USCC_FORMAT.matcher(v).matches();
            case LEI -> LEI_FORMAT.matcher(v).matches();
            case OPENSANCTIONS, OTHER -> true;
            default -> {
                problem[0] = "unknown identifier scheme '" + scheme.trim() + "' (INN, OGRN, KPP, USCC, LEI, OTHER)";
                yield false;
            }
        };
        if (!ok) {
            if (problem[0] == null) {
                problem[0] = s + " " + v + " does not have the format of " + formatOf(s);
            }
            return null;
        }
        return new Identifier(s, v);
    }

    private static String formatOf(String scheme) {
        return switch (scheme) {
            case INN -> "an INN (10 or 12 digits)";
            case OGRN -> "an OGRN (13 or 15 digits)";
            case KPP -> "a KPP (9 characters)";
            case USCC -> "a unified social credit code (18 characters)";
            default -> "an LEI (20 characters)";
        };
    }

    /** The scheme of an unlabelled identifier when its format and check digits prove it, else null. */
    public static Identifier infer(String rawValue, Collection<String> countries) {
        String v = clean(rawValue);
        if (LEI_FORMAT.matcher(v).matches() && leiChecks(v)) {
            return new Identifier(LEI, v);
        }
        if (USCC_FORMAT.matcher(v).matches() && usccChecks(v)) {
            return new Identifier(USCC, v);
        }
        if (INN_FORMAT.matcher(v).matches() && innChecks(v)) {
            return new Identifier(INN, v);
        }
        if (OGRN_FORMAT.matcher(v).matches() && ogrnChecks(v)) {
            return new Identifier(OGRN, v);
        }
        if (KPP_FORMAT.matcher(v).matches() && countries.contains("RU")) {
            return new Identifier(KPP, v);
        }
        return null;
    }

    static boolean innChecks(String v) {
        int[] d = v.chars().map(c -> c - '0').toArray();
        if (d.length == 10) {
            return check(d, new int[] {2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[9];
        }
        return check(d, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[10]
                && check(d, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[11];
    }

    private static int check(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum % 11 % 10;
    }

    static boolean ogrnChecks(String v) {
        long body = Long.parseLong(v.substring(0, v.length() - 1));
        int mod = v.length() == 13 ? 11 : 13;
        return body % mod % 10 == v.charAt(v.length() - 1) - '0';
    }

    static boolean leiChecks(String v) {
        int remainder = 0;
        for (char ch : v.toCharArray()) {
            int n = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            remainder = n >= 10 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
        }
        return remainder == 1;
    }

    static boolean usccChecks(String v) {
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(v.charAt(i)) * weights[i];
        }
        int check = (31 - sum % 31) % 31;
        return USCC_ALPHABET.charAt(check) == v.charAt(17);
    }
}
