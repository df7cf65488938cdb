package org.tradeflows.ingest.shipment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.company.CompanyResolver.Party;
import org.tradeflows.ingest.company.Identifier;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.ingest.reference.ProductCodes;
import org.tradeflows.ingest.reference.ReferenceData;

/**
 * Reads and checks one record of the project's shipment CSV (columns documented in the README). Lists inside a
 * cell are separated by '|': identifiers as SCHEME:VALUE, intermediaries in order as "Name [CC]", "Name" or "[CC]".
 */
public final class ShipmentCsvReader {

    public static final String SOURCE_REF = "source_ref";
    public static final String SOURCE_KEY = "source_key";
    public static final String SUPPLIER_NAME = "supplier_name";
    public static final String SUPPLIER_COUNTRY = "supplier_country";
    public static final String SUPPLIER_IDENTIFIERS = "supplier_identifiers";
    public static final String RECIPIENT_NAME = "recipient_name";
    public static final String RECIPIENT_COUNTRY = "recipient_country";
    public static final String RECIPIENT_IDENTIFIERS = "recipient_identifiers";
    public static final String INTERMEDIARIES = "intermediaries";
    public static final String ORIGIN_COUNTRY = "origin_country";
    public static final String DESTINATION_COUNTRY = "destination_country";
    public static final String DATE = "date";
    public static final String PERIOD_START = "period_start";
    public static final String PERIOD_END = "period_end";
    public static final String HS_CODE = "hs_code";
    public static final String DESCRIPTION = "description";
    public static final String VALUE = "value";
    public static final String CURRENCY = "currency";
    public static final String VALUE_QUALIFIER = "value_qualifier";
    public static final String QUANTITY = "quantity";
    public static final String QUANTITY_UNIT = "quantity_unit";
    public static final String NET_WEIGHT_KG = "net_weight_kg";

    public static final Set<String> REQUIRED = Set.of(SOURCE_REF, SUPPLIER_NAME, SUPPLIER_COUNTRY, RECIPIENT_NAME,
            RECIPIENT_COUNTRY, HS_CODE, VALUE, CURRENCY);
    public static final Set<String> KNOWN = Set.of(SOURCE_REF, SOURCE_KEY, SUPPLIER_NAME, SUPPLIER_COUNTRY,
            SUPPLIER_IDENTIFIERS, RECIPIENT_NAME, RECIPIENT_COUNTRY, RECIPIENT_IDENTIFIERS, INTERMEDIARIES, ORIGIN_COUNTRY,
            DESTINATION_COUNTRY, DATE, PERIOD_START, PERIOD_END, HS_CODE, DESCRIPTION, VALUE, CURRENCY, VALUE_QUALIFIER,
            QUANTITY, QUANTITY_UNIT, NET_WEIGHT_KG);
    public static final Set<String> QUALIFIERS = Set.of("EXACT", "AT_LEAST", "MORE_THAN", "APPROXIMATE", "ESTIMATED");

    private static final Pattern INTERMEDIARY = Pattern.compile("^(.*?)\\s*\\[([A-Za-z]{2,3})\\]$");
    private static final int MAX_TEXT = 2000;

    private final ReferenceData reference;
    private final long defaultSourceId;

    public ShipmentCsvReader(ReferenceData reference, long defaultSourceId) {
        this.reference = reference;
        this.defaultSourceId = defaultSourceId;
    }

    /** The row if every value is valid, else null with the problems in {@code check}. */
    public ShipmentRow read(CsvTable t, RowCheck check) {
        int expected = t.header().size();
        if (t.width() != expected) {
            check.problem(t.width() < expected ? t.header().get(Math.min(t.width(), expected - 1)) : null,
                    "the record has " + t.width() + " fields where the header has " + expected
                            + (t.width() < expected ? " (truncated record?)" : " (an unquoted comma in a value?)"), null);
            return null;
        }
        String ref = check.required(SOURCE_REF, text(check, t, SOURCE_REF, 200));
        long sourceId = defaultSourceId;
        String sourceKey = t.get(SOURCE_KEY);
        if (!sourceKey.isEmpty()) {
            Long id = reference.sourceId(sourceKey);
            if (id == null) {
                check.problem(SOURCE_KEY, "no source has this key", sourceKey);
            } else {
                sourceId = id;
            }
        }
        Party supplier = party(t, check, SUPPLIER_NAME, SUPPLIER_COUNTRY, SUPPLIER_IDENTIFIERS);
        Party recipient = party(t, check, RECIPIENT_NAME, RECIPIENT_COUNTRY, RECIPIENT_IDENTIFIERS);
        List<Party> intermediaries = intermediaries(t.get(INTERMEDIARIES), check);
        String origin = check.country(ORIGIN_COUNTRY, t.get(ORIGIN_COUNTRY), reference, false);
        String destination = check.country(DESTINATION_COUNTRY, t.get(DESTINATION_COUNTRY), reference, false);

        LocalDate start;
        LocalDate end;
        String date = t.get(DATE);
        if (!date.isEmpty()) {
            if (!t.get(PERIOD_START).isEmpty() || !t.get(PERIOD_END).isEmpty()) {
                check.problem(DATE, "give either date or period_start and period_end, not both", date);
            }
            start = check.date(DATE, date, true);
            end = start;
        } else {
            if (t.get(PERIOD_START).isEmpty() && t.get(PERIOD_END).isEmpty()) {
                check.problem(DATE, "required: a date, or period_start and period_end", "");
            }
            start = check.date(PERIOD_START, t.get(PERIOD_START), !t.get(PERIOD_END).isEmpty());
            end = check.date(PERIOD_END, t.get(PERIOD_END), !t.get(PERIOD_START).isEmpty());
            if (start != null && end != null && end.isBefore(start)) {
                check.problem(PERIOD_END, "period ends before it starts (" + start + ")", t.get(PERIOD_END));
            }
        }

        String hs = t.get(HS_CODE);
        ProductCodes.Resolution product = null;
        if (check.required(HS_CODE, hs) != null) {
            product = ProductCodes.resolve(hs, reference);
            if (product.problem() != null) {
                check.problem(HS_CODE, product.problem(), hs);
            }
        }
        String description = text(check, t, DESCRIPTION, MAX_TEXT);
        BigDecimal value = check.decimal(VALUE, t.get(VALUE), 20, 2, true);
        String currency = check.currency(CURRENCY, t.get(CURRENCY), true);
        BigDecimal eurRate = null;
        BigDecimal usdRate = null;
        if (currency != null && start != null) {
            eurRate = reference.unitsPerEur(currency, "MONTH", start); // a dated shipment: its month's average
            usdRate = reference.unitsPerEur("USD", "MONTH", start);
            if (eurRate == null) {
                check.problem(CURRENCY, "no exchange rate for " + currency + " in " + start.getYear() + " or "
                        + start.toString().substring(0, 7) + " (load exchange rates first)", currency);
            }
        }
        String qualifier = t.get(VALUE_QUALIFIER).toUpperCase(Locale.ROOT);
        if (qualifier.isEmpty()) {
            qualifier = "EXACT";
        } else if (!QUALIFIERS.contains(qualifier)) {
            check.problem(VALUE_QUALIFIER, "not one of EXACT, AT_LEAST, MORE_THAN, APPROXIMATE, ESTIMATED",
                    t.get(VALUE_QUALIFIER));
        }
        BigDecimal quantity = check.decimal(QUANTITY, t.get(QUANTITY), 20, 3, false);
        String unit = text(check, t, QUANTITY_UNIT, 50);
        if (quantity != null && (unit == null || unit.isEmpty())) {
            check.problem(QUANTITY_UNIT, "a quantity needs its unit", "");
        }
        BigDecimal weight = check.decimal(NET_WEIGHT_KG, t.get(NET_WEIGHT_KG), 20, 3, false);
        if (!check.ok()) {
            return null;
        }
        return new ShipmentRow(check.line(), sourceId, ref, supplier, recipient, intermediaries, origin, destination,
                start, end, product.hsCode(), product.productCode(), emptyToNull(description), value, currency, eurRate,
                usdRate, qualifier, quantity, emptyToNull(unit), weight);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String text(RowCheck check, CsvTable t, String column, int max) {
        String v = t.get(column);
        if (v.length() > max) {
            check.problem(column, "longer than " + max + " characters", v);
            return null;
        }
        return v;
    }

    private Party party(CsvTable t, RowCheck check, String nameColumn, String countryColumn, String idColumn) {
        String name = text(check, t, nameColumn, 500);
        check.required(nameColumn, name == null ? "x" : name);
        String country = check.country(countryColumn, t.get(countryColumn), reference, true);
        List<Identifier> ids = identifiers(t.get(idColumn), idColumn, check);
        return new Party(name == null || name.isEmpty() ? null : name, country, ids);
    }

    static List<Identifier> identifiers(String cell, String column, RowCheck check) {
        if (cell.isEmpty()) {
            return List.of();
        }
        List<Identifier> out = new ArrayList<>();
        for (String entry : cell.split("\\|")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            if (colon <= 0) {
                check.problem(column, "identifier must be SCHEME:VALUE (for example INN:7701234567)", e);
                continue;
            }
            String[] problem = new String[1];
            Identifier id = Identifier.parse(e.substring(0, colon), e.substring(colon + 1), problem);
            if (id == null) {
                check.problem(column, problem[0], e);
            } else {
                out.add(id);
            }
        }
        return out;
    }

    private List<Party> intermediaries(String cell, RowCheck check) {
        if (cell.isEmpty()) {
            return List.of();
        }
        List<Party> out = new ArrayList<>();
        for (String entry : cell.split("\\|")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                check.problem(INTERMEDIARIES, "empty entry in the list of intermediaries", cell);
                continue;
            }
            Matcher m = INTERMEDIARY.matcher(e);
            String name = e;
            String country = null;
            if (m.matches()) {
                name = m.group(1).trim();
                country = reference.country(m.group(2));
                if (country == null) {
                    check.problem(INTERMEDIARIES, "not an ISO 3166 country code: " + m.group(2), e);
                }
            }
            out.add(new Party(name.isEmpty() ? null : name, country, List.of()));
        }
        return out;
    }
}
