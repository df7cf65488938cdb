package org.tradeflows.synthetic;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.tradeflows.store.CompanyBulkWriter;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SanctionStore;
import org.tradeflows.store.ShipmentStaging;
import org.tradeflows.store.SourceSpec;
import org.tradeflows.store.SourceStore;

/**
 * Deterministic generator of synthetic shipments, for tests and benchmarks only. The same spec always gives the same
 * rows. Everything it writes is labelled: a SYNTHETIC source, a synthetic data release (which the shipment table ties
 * its synthetic flag to), companies keyed {@code syn-<name>-…}. Rows stream into PostgreSQL through COPY.
 */
public final class SyntheticShipments {

    /**
     * What to generate. Company sizes are heavy-tailed: a few suppliers and recipients carry most shipments. A share
     * {@code chainShare} of the shipments starts a chain: the same goods from a supplier through one or two companies
     * of transit countries to a recipient, each hop 1 to 45 days after the one before (so supply paths find them).
     */
    public record Spec(String name, long seed, int companies, int shipments, LocalDate from, LocalDate to,
            double sanctionedShare, double intermediaryShare, double chainShare) {

        /** A spec without chains: the rows every seed gave before chains existed. */
        public Spec(String name, long seed, int companies, int shipments, LocalDate from, LocalDate to,
                double sanctionedShare, double intermediaryShare) {
            this(name, seed, companies, shipments, from, to, sanctionedShare, intermediaryShare, 0);
        }

        public String sourceKey() {
            return "synthetic-" + name;
        }
    }

    /** What was generated: ids that tests and benchmarks filter by. */
    public record Loaded(long sourceId, long releaseId, boolean created) {
    }

    private static final String[] SUPPLIER_COUNTRIES = {"CN", "CN", "CN", "CN", "HK", "TR", "DE", "IN", "AE", "KZ"};
    private static final String[] RECIPIENT_COUNTRIES = {"RU", "RU", "RU", "RU", "BY", "KZ", "AM", "KG", "IR", "UZ"};
    private static final String[] INTERMEDIARY_COUNTRIES = {"HK", "AE", "TR", "KZ", "AM", "KG"};
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "CNY", "CNY", "GBP", "RUB"};
    private static final String[] QUALIFIERS = {"EXACT", "EXACT", "EXACT", "EXACT", "EXACT", "EXACT", "AT_LEAST",
            "MORE_THAN", "APPROXIMATE", "ESTIMATED"};
    private static final String[] AUTHORITIES = {"US_OFAC", "US_BIS", "EU", "UK"};

    private SyntheticShipments() {
    }

    /** Loads the spec once: when its source exists already, nothing is written. Commits on success. */
    public static Loaded loadIfAbsent(Connection c, Spec spec) throws SQLException {
        return loadIfAbsent(c, spec, done -> { });
    }

    /** As above, reporting the number of shipments written after every chunk. */
    public static Loaded loadIfAbsent(Connection c, Spec spec, java.util.function.LongConsumer progress) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, spec.sourceKey());
            lock.execute();
            Long existing = SourceStore.idOf(c, spec.sourceKey()).orElse(null);
            if (existing != null) {
                long release = single(c, "select max(release_id) from shipment where source_id = " + existing);
                c.commit();
                return new Loaded(existing, release, false);
            }
            Loaded loaded = generate(c, spec, progress);
            c.commit();
            return loaded;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Loaded generate(Connection c, Spec spec, java.util.function.LongConsumer progress) throws SQLException {
        SplittableRandom random = new SplittableRandom(spec.seed());
        long sourceId = SourceStore.insert(c, new SourceSpec(spec.sourceKey(), "SYNTHETIC",
                "Synthetic shipments '" + spec.name() + "' (generated, not facts)", "Tradeflows generator", null, null,
                null, "Synthetic data generated by Tradeflows for tests and benchmarks; not a source of facts.",
                spec.toString()));
        long releaseId = ReleaseStore.insert(c, spec.sourceKey(), "seed-" + spec.seed(), "SYNTHETIC",
                HexFormat.of().formatHex(sha256(spec.toString())), sourceId,
                "Synthetic shipments for tests and benchmarks: " + spec);
        String[] companyCountries = new String[spec.companies()];
        String[] keys = new String[spec.companies()];
        String[] names = new String[spec.companies()];
        for (int i = 0; i < spec.companies(); i++) {
            boolean supplierSide = i % 2 == 0;
            companyCountries[i] = supplierSide ? pick(random, SUPPLIER_COUNTRIES) : pick(random, RECIPIENT_COUNTRIES);
            keys[i] = "syn-" + spec.name() + "-" + i;
            names[i] = "Synthetic " + (supplierSide ? "Supplier " : "Recipient ") + spec.name() + " " + i;
        }
        long[] companyIds = CompanyBulkWriter.insertAll(c, keys, names, companyCountries,
                "Synthetic company (generated, not a real entity)", sourceId, releaseId);
        sanction(c, spec, random, companyIds, sourceId);
        List<String[]> products = products(c);
        Set<String> rated = ratedPeriods(c);
        for (int from = 0; from < spec.shipments(); from += CHUNK) {
            int to = Math.min(spec.shipments(), from + CHUNK);
            copyShipments(c, spec, random, companyIds, companyCountries, products, rated, sourceId, releaseId, from, to);
            progress.accept(to);
        }
        return new Loaded(sourceId, releaseId, true);
    }

    /** Recipients (odd indexes) under sanction: some listed before the period, some during it, some ended. */
    private static void sanction(Connection c, Spec spec, SplittableRandom random, long[] ids, long sourceId) throws SQLException {
        long days = spec.to().toEpochDay() - spec.from().toEpochDay();
        List<SanctionStore.Listing> listings = new ArrayList<>();
        for (int i = 1; i < ids.length; i += 2) {
            if (random.nextDouble() >= spec.sanctionedShare()) {
                continue;
            }
            LocalDate listed = spec.from().plusDays(random.nextLong(Math.max(1, days)) - days / 4);
            String authority = pick(random, AUTHORITIES);
            LocalDate ended = random.nextInt(5) == 0 ? listed.plusDays(1 + random.nextLong(Math.max(1, days / 2))) : null;
            listings.add(new SanctionStore.Listing(ids[i], authority, "synthetic", listed, ended, true, sourceId,
                    "Synthetic listing for tests"));
        }
        SanctionStore.upsertAddingEndDates(c, listings);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String[]> products(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select code from product_category where level = 'SUBHEADING' and code not like '99%' order by code");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1)});
            }
        }
        return out;
    }

    /** Rows go in chunks: each chunk is one COPY and one insert, which the rollup triggers sum once. */
    static final int CHUNK = 500_000;

    private static void copyShipments(Connection c, Spec spec, SplittableRandom random, long[] ids, String[] countries,
            List<String[]> products, Set<String> rated, long sourceId, long releaseId, int first, int end) throws SQLException {
        int suppliers = (ids.length + 1) / 2;
        int recipients = ids.length / 2;
        long days = spec.to().toEpochDay() - spec.from().toEpochDay() + 1;
        int[] transit = transitCompanies(countries);
        Reader rows = new Reader() {
            private int next = first;
            private final StringBuilder buffer = new StringBuilder();
            private int position = 0;
            /** The hops of the chain being written, one row each; a chain is never continued into the next chunk. */
            private final java.util.ArrayDeque<String> chain = new java.util.ArrayDeque<>();

            @Override
            public int read(char[] cbuf, int off, int len) {
                while (position >= buffer.length()) {
                    if (next >= end) {
                        return -1;
                    }
                    buffer.setLength(0);
                    position = 0;
                    row(next++, buffer);
                }
                int n = Math.min(len, buffer.length() - position);
                buffer.getChars(position, position + n, cbuf, off);
                position += n;
                return n;
            }

            @Override
            public void close() {
            }

            private void row(int i, StringBuilder b) {
                if (!chain.isEmpty()) {
                    b.append("syn-").append(i).append(',').append(chain.poll());
                    return;
                }
                if (spec.chainShare() > 0 && transit.length > 0 && random.nextDouble() < spec.chainShare()) {
                    chain(spec, random, ids, countries, transit, products, rated, suppliers, recipients, chain);
                    b.append("syn-").append(i).append(',').append(chain.poll());
                    return;
                }
                int s = 2 * skewed(random, suppliers);
                int r = 2 * skewed(random, recipients) + 1;
                String hs6 = products.get(skewed(random, products.size()))[0];
                int shape = random.nextInt(10);
                String code = shape < 6 ? hs6 : shape < 8 ? hs6 + String.format("%02d", random.nextInt(100)) : hs6.substring(0, 4);
                String product = shape < 8 ? hs6 : hs6.substring(0, 4);
                LocalDate start = spec.from().plusDays(random.nextLong(days));
                LocalDate end = random.nextInt(20) == 0 ? start.plusDays(random.nextInt(90)) : start;
                if (end.isAfter(spec.to())) {
                    end = spec.to();
                }
                BigDecimal value = BigDecimal.valueOf(Math.exp(6 + random.nextDouble() * 10)).setScale(2, RoundingMode.HALF_UP);
                boolean via = random.nextDouble() < spec.intermediaryShare();
                b.append("syn-").append(i).append(',').append(ids[s]).append(',').append(ids[r]).append(',')
                        .append(countries[s]).append(',').append(countries[r]).append(',').append(start).append(',')
                        .append(end).append(',').append(code).append(',').append(product).append(',').append(value)
                        .append(',').append(currency(random.nextInt(CURRENCIES.length), start, rated))
                        .append(',').append(pick(random, QUALIFIERS)).append(',')
                        .append(random.nextInt(1000) + 1).append(",pcs,")
                        .append(random.nextInt(4) == 0 ? "" : BigDecimal.valueOf(random.nextInt(100_000), 1)).append(',')
                        .append(via ? pick(random, INTERMEDIARY_COUNTRIES) : "").append(',')
                        .append(via && random.nextBoolean() ? String.valueOf(ids[2 * skewed(random, suppliers)]) : "")
                        .append('\n');
            }
        };
        ShipmentStaging.insertGenerated(c, rows, sourceId, releaseId);
    }

    /** Indexes of the companies located in a transit country, in index order. */
    private static int[] transitCompanies(String[] countries) {
        List<String> via = List.of(INTERMEDIARY_COUNTRIES);
        return java.util.stream.IntStream.range(0, countries.length).filter(i -> via.contains(countries[i])).toArray();
    }

    /**
     * Queues the rows (without their reference) of one chain: a supplier, one or two companies of transit countries
     * (none twice, neither end), a recipient; the same HS code, quantity and weight on every hop, each hop 1 to 45 days
     * after the one before and worth 2 to 20 % more (a trader's margin), in the currency of the first.
     */
    private static void chain(Spec spec, SplittableRandom random, long[] ids, String[] countries, int[] transit,
            List<String[]> products, Set<String> rated, int suppliers, int recipients, java.util.Deque<String> out) {
        int origin = 2 * skewed(random, suppliers);
        int last = 2 * skewed(random, recipients) + 1;
        int hops = 2 + random.nextInt(2);
        List<Integer> companies = new ArrayList<>(List.of(origin));
        for (int k = 1; k < hops; k++) {
            int via = transit[random.nextInt(transit.length)];
            if (!companies.contains(via) && via != last) {
                companies.add(via);
            }
        }
        companies.add(last);
        String code = products.get(skewed(random, products.size()))[0];
        long days = spec.to().toEpochDay() - spec.from().toEpochDay() + 1;
        LocalDate date = spec.from().plusDays(random.nextLong(Math.max(1, days - 90)));
        double value = Math.exp(6 + random.nextDouble() * 10);
        int currency = random.nextInt(CURRENCIES.length);
        int quantity = random.nextInt(1000) + 1;
        String weight = BigDecimal.valueOf(random.nextInt(100_000), 1).toPlainString();
        for (int k = 0; k + 1 < companies.size(); k++) {
            if (k > 0) {
                date = date.plusDays(1 + random.nextInt(45));
                value = value * (1.02 + random.nextDouble() * 0.18);
            }
            if (date.isAfter(spec.to())) {
                break;
            }
            int s = companies.get(k);
            int r = companies.get(k + 1);
            out.add(ids[s] + "," + ids[r] + "," + countries[s] + "," + countries[r] + "," + date + "," + date + "," + code
                    + "," + code + "," + BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP) + ","
                    + currency(currency, date, rated) + ",EXACT," + quantity + ",pcs," + weight + ",,\n");
        }
    }

    /**
     * The currencies and periods that convert (keys CUR/yyyy-mm for monthly rates, CUR/yyyy for annual ones), so that
     * every generated shipment gets its EUR value by the one rule: a dated shipment at its month's average, else its
     * year's (conversion_rate, V14).
     */
    private static Set<String> ratedPeriods(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select currency || '/' || case period_kind when 'MONTH' then to_char(period_start, 'YYYY-MM')
                                                            else to_char(period_start, 'YYYY') end
                  from exchange_rate where period_kind in ('MONTH', 'YEAR')""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * The currency drawn at {@code index}, or when it has no rate for the date (RUB after 1 March 2022) the next one in
     * the list that has; EUR always converts. Draws no further random number, so a seed gives the same other columns.
     */
    static String currency(int index, LocalDate on, Set<String> rated) {
        String month = on.toString().substring(0, 7);
        String year = month.substring(0, 4);
        for (int k = 0; k < CURRENCIES.length; k++) {
            String cur = CURRENCIES[(index + k) % CURRENCIES.length];
            if ("EUR".equals(cur) || rated.contains(cur + "/" + month) || rated.contains(cur + "/" + year)) {
                return cur;
            }
        }
        return "EUR";
    }

    /** An index in [0, n) skewed towards 0: a few large companies and products, a long tail of small ones. */
    static int skewed(SplittableRandom random, int n) {
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(random.nextDouble(), 3)));
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
