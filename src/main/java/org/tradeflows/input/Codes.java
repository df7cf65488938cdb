package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.Printable;
import org.tradeflows.store.Jdbc;

/** Validates codes given as arguments, naming the argument and the reason when one is wrong. */
@ApplicationScoped
public class Codes {

    private static final Pattern HS = Pattern.compile("^[0-9]{2,10}$");
    private static final Pattern HS_PREFIX = Pattern.compile("^[0-9]{1,10}$");
    private static final Pattern SECTION = Pattern.compile("^[IVXL]{1,6}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2,3}$");

    private final Jdbc jdbc;
    private volatile Set<String> countryCodes;

    public Codes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A country code (alpha-2 or alpha-3, any case) in upper case; format only. */
    public static String countryFormat(String argument, String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(v).matches()) {
            throw new BadUserInputException(argument + ": '" + Printable.of(value)
                    + "' is not an ISO 3166-1 country code (alpha-2 such as CN, or alpha-3 such as CHN)");
        }
        return v;
    }

    /** Alpha-2 codes that exist, for filters; an unknown code is an error rather than an empty result. */
    public List<String> countries(String argument, List<String> values) {
        if (values == null) {
            return null;
        }
        Set<String> known = knownCountries();
        return java.util.stream.IntStream.range(0, values.size()).mapToObj(i -> {
            String name = argument + "[" + i + "]";
            String v = countryFormat(name, values.get(i));
            if (v.length() == 2 && known.contains(v)) {
                return v;
            }
            throw new BadUserInputException(name + ": '" + Printable.of(values.get(i))
                    + "' is not an ISO 3166-1 alpha-2 code known to Tradeflows");
        }).toList();
    }

    private Set<String> knownCountries() {
        Set<String> codes = countryCodes;
        if (codes == null) {
            codes = Set.copyOf(jdbc.list("select code from country", List.of(), rs -> rs.getString(1)));
            countryCodes = codes;
        }
        return codes;
    }

    /** An HS code of 2 to 10 digits, or a section numeral. */
    public static String productCode(String argument, String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace(".", "");
        if (HS.matcher(v).matches() || SECTION.matcher(v).matches()) {
            return v;
        }
        throw new BadUserInputException(argument + ": '" + Printable.of(value)
                + "' is not an HS code (2 to 10 digits, e.g. 8806 or 840710) or an HS section (Roman numeral, e.g. XVII)");
    }

    /** A prefix of an HS code: 1 to 10 digits (dots allowed, as in 8407.10). */
    public static String productPrefix(String argument, String value) {
        String v = value == null ? "" : value.trim().replace(".", "");
        if (HS_PREFIX.matcher(v).matches()) {
            return v;
        }
        throw new BadUserInputException(argument + ": '" + Printable.of(value) + "' is not an HS code prefix (1 to 10 digits)");
    }

    /** The HS tree holds codes up to six digits; longer national codes are read as their HS6. */
    public static String treeCode(String code) {
        return code.chars().allMatch(Character::isDigit) && code.length() > 6 ? code.substring(0, 6) : code;
    }

    public static void checkYear(String argument, Integer year) {
        if (year != null && (year < 1900 || year > 2100)) {
            throw new BadUserInputException(argument + ": " + year + " is not a year between 1900 and 2100");
        }
    }

    public static String text(String argument, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new BadUserInputException(argument + ": at most " + maxLength + " characters, got " + value.length());
        }
        return value;
    }
}
