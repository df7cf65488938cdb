package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.InputMessages;
import org.tradeflows.model.Printable;

/**
 * The countries Tradeflows knows, by any of their ISO codes, read once from the country table: the one reading of a
 * country a user typed, for the doors' argument checks (input/Codes) and the curators' corrections alike.
 */
@ApplicationScoped
public class KnownCountries {

    private static final Pattern NUMERIC = Pattern.compile("^[0-9]{1,3}$");

    private final CountryStore countryStore;
    private volatile Map<String, String> countryIndex;
    private volatile Map<String, String> countryNames;

    public KnownCountries(CountryStore countryStore) {
        this.countryStore = countryStore;
    }

    /** The alpha-2 code of a country given by any of its ISO codes; an unknown one is an error, never an empty result. */
    public String country(String argument, String value) {
        Optional<String> alpha2 = alpha2(value);
        if (alpha2.isPresent()) {
            return alpha2.get();
        }
        String typed = value == null ? "" : value.trim();
        String hint = typed.length() <= 3 ? "" : Optional.ofNullable(countryNames.get(typed.toLowerCase(Locale.ROOT)))
                .or(() -> InputMessages.nearest(typed, countryNames.keySet()).map(countryNames::get))
                .map(n -> "; did you mean " + n + "?").orElse("");
        throw new BadUserInputException(argument + ": '" + Printable.of(value) + "' is not a country Tradeflows knows; "
                + "give an " + CountryCodes.ACCEPTED + hint);
    }

    /** The alpha-2 code of a country given by any of its ISO codes, if Tradeflows knows it. */
    public Optional<String> alpha2(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (NUMERIC.matcher(v).matches()) {
            v = String.valueOf(Integer.parseInt(v));
        }
        return Optional.ofNullable(index().get(v));
    }

    /** Alpha-2 codes of countries given by any of their ISO codes, for filters. */
    public List<String> countries(String argument, List<String> values) {
        if (values == null) {
            return null;
        }
        return IntStream.range(0, values.size()).mapToObj(i -> country(argument + "[" + i + "]", values.get(i))).toList();
    }

    /** Alpha-2, alpha-3 and numeric codes (without leading zeros) to alpha-2; English names (lower case) to "CN (China)". */
    private Map<String, String> index() {
        Map<String, String> codes = countryIndex;
        if (codes == null) {
            Map<String, String> byCode = new HashMap<>();
            Map<String, String> byName = new HashMap<>();
            for (CountryCodes c : countryStore.allCodes()) {
                byCode.put(c.alpha2(), c.alpha2());
                byCode.put(c.alpha3(), c.alpha2());
                byCode.put(String.valueOf(c.numeric()), c.alpha2());
                byName.put(c.name().toLowerCase(Locale.ROOT), c.alpha2() + " (" + c.name() + ")");
            }
            countryNames = Map.copyOf(byName);
            codes = Map.copyOf(byCode);
            if (!codes.isEmpty()) {
                countryIndex = codes;
            }
        }
        return codes;
    }
}
