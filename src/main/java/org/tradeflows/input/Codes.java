package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.Printable;
import org.tradeflows.store.KnownCountries;

/**
 * Validates codes given as arguments, naming the argument and the reason when one is wrong; which countries exist is
 * store/KnownCountries' to say, which curation uses too.
 */
@ApplicationScoped
public class Codes {

    private static final Pattern HS = Pattern.compile("^[0-9]{2,10}$");
    private static final Pattern HS_PREFIX = Pattern.compile("^[0-9]{1,10}$");
    private static final Pattern SECTION = Pattern.compile("^[IVXL]{1,6}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2,3}$");

    /** What an HS code argument takes, for descriptions and messages alike. */
    public static final String HS_CODES = "HS code of 2 to 10 digits, dots and spaces allowed (88, 8806, 8471.30, "
            + "8471 30), or an HS section as a Roman numeral (XVII)";

    private final KnownCountries countries;

    public Codes(KnownCountries countries) {
        this.countries = countries;
    }

    /** A country code (alpha-2 or alpha-3, any case) in upper case; format only. */
    public static String countryFormat(String argument, String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(v).matches()) {
            throw new BadUserInputException(argument + ": '" + Printable.of(value) + "' is not an " + CountryCodes.ACCEPTED);
        }
        return v;
    }

    /** The alpha-2 code of a country given by any of its ISO codes; an unknown one is an error, never an empty result. */
    public String country(String argument, String value) {
        return countries.country(argument, value);
    }

    /** The alpha-2 code of a country given by any of its ISO codes, if Tradeflows knows it. */
    public Optional<String> alpha2(String value) {
        return countries.alpha2(value);
    }

    /** Alpha-2 codes of countries given by any of their ISO codes, for filters. */
    public List<String> countries(String argument, List<String> values) {
        return countries.countries(argument, values);
    }

    /** An HS code as stored: digits only, without dots or spaces ("8471.30" and "8471 30" are 847130). */
    private static String hsDigits(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace(".", "").replace(" ", "");
    }

    /** An HS code of 2 to 10 digits, or a section numeral. */
    public static String productCode(String argument, String value) {
        String v = hsDigits(value);
        if (HS.matcher(v).matches() || SECTION.matcher(v).matches()) {
            return v;
        }
        throw new BadUserInputException(argument + ": '" + Printable.of(value) + "' is not an " + HS_CODES);
    }

    /** A prefix of an HS code: 1 to 10 digits (dots and spaces allowed, as in 8407.10 or 8407 10). */
    public static String productPrefix(String argument, String value) {
        String v = hsDigits(value);
        if (HS_PREFIX.matcher(v).matches()) {
            return v;
        }
        throw new BadUserInputException(argument + ": '" + Printable.of(value) + "' is not an HS code prefix: 1 to 10 "
                + "digits, dots and spaces allowed (84, 8407.10, 8407 10)");
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
