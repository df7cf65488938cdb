import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.tradeflows.ingest.Ingest;
import org.tradeflows.ingest.IngestFormat;
import org.tradeflows.ingest.IngestOptions;
import org.tradeflows.ingest.IngestReport;
import org.tradeflows.ingest.LoadTally;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.SourceOptions;
import org.tradeflows.ingest.company.CompanyIndex;
import org.tradeflows.ingest.company.CompanyResolver;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.ingest.input.TextInput;
import org.tradeflows.ingest.reference.ReferenceData;
import org.tradeflows.ingest.shipment.ShipmentCsvReader;
import org.tradeflows.store.CompanyBulkWriter;

/**
 * Ingest benchmark (not a test). Run by bench/ingest.sh; arguments: JDBC URL, rows for the database runs, gigabytes
 * for the memory run. Shipment rows come from a generator stream (nothing is stored), synthetic and clearly named.
 *
 *   1. ingest:       the load command's core, committed (parse, validate, resolve companies, COPY to staging, insert)
 *   2. plain COPY:   the same rows, already resolved, COPY'd straight into shipment (rolled back)
 *   3. ingest again: the same work as 1 on the same table state as 2, as a dry run (rolled back), for the ratio
 *   4. Java side:    parse + validate + resolve companies, no database, with heap sampled after GC
 *   5. memory:       4 over a stream of several GB with -Xmx512m, heap sampled
 */
public class IngestBench {

    static final String HEADER = "source_ref,supplier_name,supplier_country,supplier_identifiers,recipient_name,"
            + "recipient_country,intermediaries,date,hs_code,description,value,currency,value_qualifier,quantity,"
            + "quantity_unit,net_weight_kg\n";
    static final String[] CURRENCIES = {"CNY", "USD", "EUR"};
    static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    static final AtomicLong maxHeap = new AtomicLong();

    /** Generates shipment CSV rows on the fly, deterministically. */
    static final class Rows extends InputStream {
        private final long rows;
        private final List<String> hs6;
        private final SplittableRandom random = new SplittableRandom(4);
        private final String prefix;
        private byte[] current = HEADER.getBytes(StandardCharsets.UTF_8);
        private int pos;
        private long n;
        long bytes;

        Rows(long rows, List<String> hs6, String prefix) {
            this.rows = rows;
            this.hs6 = hs6;
            this.prefix = prefix;
        }

        private boolean refill() {
            if (n >= rows) {
                return false;
            }
            long i = n++;
            String line = prefix + i + ",Synthetic Bench Supplier " + (i % 2000) + " Co. Ltd,CN,,Synthetic Bench Recipient "
                    + (i % 1000) + " LLC,RU," + (i % 10 == 0 ? "Synthetic Bench Transit " + (i % 50) + " [HK]" : "") + ","
                    + LocalDate.of(2023, 1, 1).plusDays(i % 365) + "," + hs6.get(random.nextInt(hs6.size())) + "00,"
                    + "Synthetic bench goods " + (i % 5000) + "," + random.nextInt(1, 5_000_000) + "." + random.nextInt(10, 99)
                    + "," + CURRENCIES[(int) (i % 3)] + ",EXACT," + random.nextInt(1, 10_000) + ",pcs,"
                    + random.nextInt(1, 100_000) + ".5\n";
            current = line.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int total = 0;
            while (total < len) {
                if (pos == current.length && !refill()) {
                    return total == 0 ? -1 : total;
                }
                int k = Math.min(len - total, current.length - pos);
                System.arraycopy(current, pos, b, off + total, k);
                pos += k;
                total += k;
            }
            bytes += total;
            return total;
        }
    }

    static void sampleHeap() {
        System.gc();
        maxHeap.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long rows = Long.parseLong(args[1]);
        double gigabytes = Double.parseDouble(args[2]);
        Locale.setDefault(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
            List<String> hs6 = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("select code from product_category where level = 'SUBHEADING' order by code")) {
                    while (rs.next()) {
                        hs6.add(rs.getString(1));
                    }
                }
                st.execute("delete from shipment_intermediary where shipment_id in (select s.id from shipment s join source so on so.id = s.source_id where so.key like 'bench-%')");
                st.execute("delete from shipment where source_id in (select id from source where key like 'bench-%')");
                st.execute("delete from data_release where source_id in (select id from source where key like 'bench-%')");
                st.execute("vacuum analyze shipment");
            }
            System.out.printf("# Ingest benchmark, %s%n%n", java.time.OffsetDateTime.now().withNano(0));
            System.out.printf("machine: %d cores, %s; PostgreSQL: %s; JVM: %s, max heap %d MiB%n%n",
                    Runtime.getRuntime().availableProcessors(), osLoad(), version(c), Runtime.version(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("| run | rows | seconds | rows/s | note |");
            System.out.println("| --- | ---: | ---: | ---: | --- |");

            load(c, hs6, 20_000, "bench-warm", false, "creates the 3,050 synthetic companies the runs share");
            double ingest = load(c, hs6, rows, "bench-a", false, "committed");

            Path copyFile = Files.createTempFile("bench-copy", ".tsv");
            long sourceB = sourceId(c, "bench-b");
            long release = releaseOf(c, "bench-a");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String columns = "release_id, source_id, source_record_ref, supplier_id, recipient_id, supplier_declared_name, "
                    + "recipient_declared_name, supplier_country, recipient_country, origin_country, destination_country, "
                    + "period_start, period_end, hs_code, product_code, description, value, currency, value_eur, value_usd, "
                    + "value_qualifier, quantity, quantity_unit, net_weight_kg";
            try (OutputStream out = Files.newOutputStream(copyFile)) {
                copy.copyOut("copy (select " + columns.replace("source_id,", sourceB + ",") + " from shipment where release_id = "
                        + release + ") to stdout", out);
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(copyFile)) {
                copied = copy.copyIn("copy shipment (" + columns + ") from stdin", in);
            }
            double copySeconds = (System.nanoTime() - t0) / 1e9;
            c.rollback();
            c.setAutoCommit(true);
            Files.delete(copyFile);
            row("plain COPY into shipment", copied, copySeconds, "same rows, ids resolved, rolled back");
            double again = load(c, hs6, rows, "bench-c", true, "dry run: same work, rolled back");
            System.out.printf("%ningest / plain COPY (same table state): %.2f× the time%n", copySeconds == 0 ? 0 : again / copySeconds);

            double javaSeconds = javaSide(c, hs6, rows * 4, Long.MAX_VALUE, "Java side: parse, validate, resolve");
            long target = (long) (gigabytes * (1L << 30));
            maxHeap.set(0);
            javaSide(c, hs6, Long.MAX_VALUE, target, String.format("memory run: %.1f GB streamed", gigabytes));
            System.out.printf("%nheap used after GC, sampled every 1M rows over the memory run: max %d MiB (-Xmx %d MiB)%n",
                    maxHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    static double load(Connection c, List<String> hs6, long rows, String source, boolean dryRun, String note) throws Exception {
        Rows in = new Rows(rows, hs6, "B-");
        IngestOptions options = IngestOptions.of(IngestFormat.SHIPMENTS, new SourceOptions(source,
                "Synthetic benchmark rows " + source, "SYNTHETIC", null, null, null, null, null)).dryRun(dryRun)
                .listLimit(10);
        maxHeap.set(0);
        long t0 = System.nanoTime();
        IngestReport r = Ingest.run(c, in, options, null, (n, b) -> {
            if (n % 1_048_576 == 0) {
                sampleHeap();
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!r.succeeded()) {
            throw new IllegalStateException(r.status() + " " + r.error() + " " + r.rejections());
        }
        row("ingest " + source, r.rows().read(), seconds, note + (maxHeap.get() > 0 ? ", heap max " + (maxHeap.get() >> 20) + " MiB" : ""));
        return seconds;
    }

    /** Parse, validate and resolve companies (all known by now), without the database; stops at rows or bytes. */
    static double javaSide(Connection c, List<String> hs6, long rows, long bytes, String label) throws Exception {
        ReferenceData reference = ReferenceData.load(c);
        CompanyResolver resolver = new CompanyResolver(CompanyIndex.load(c), new CompanyBulkWriter(c, 0));
        Rows generator = new Rows(rows, hs6, "J-");
        long n = 0;
        long t0 = System.nanoTime();
        try (TextInput input = TextInput.open(generator, new char[] {','})) {
            CsvTable table = CsvTable.open(input.reader(), "shipment CSV", new char[] {','}, ShipmentCsvReader.REQUIRED,
                    ShipmentCsvReader.KNOWN);
            ShipmentCsvReader reader = new ShipmentCsvReader(reference, 1);
            LocalDate today = LocalDate.now();
            var tally = new LoadTally(10, null);
            while (generator.bytes < bytes && table.next()) {
                RowCheck check = new RowCheck(table.line(), today);
                var row = reader.read(table, check);
                if (row == null) {
                    throw new IllegalStateException(check.problems().toString());
                }
                resolver.resolve(new CompanyResolver.Party(table.get("supplier_name"), "CN", List.of()), n, "s", tally);
                resolver.resolve(new CompanyResolver.Party(table.get("recipient_name"), "RU", List.of()), n, "r", tally);
                if (++n % 1_000_000 == 0) {
                    sampleHeap();
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        row(label, n, seconds, String.format("%.2f GB of CSV", generator.bytes / 1e9));
        return seconds;
    }

    static void row(String run, long rows, double seconds, String note) {
        System.out.printf("| %s | %,d | %.1f | %,d | %s |%n", run, rows, seconds, (long) (rows / seconds), note);
    }

    static long sourceId(Connection c, String key) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("insert into source (key, title, kind, citation) values ('" + key + "', 'Synthetic benchmark rows', "
                    + "'SYNTHETIC', 'synthetic') on conflict (key) do nothing");
            try (ResultSet rs = st.executeQuery("select id from source where key = '" + key + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long releaseOf(Connection c, String key) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select r.id from data_release r join source s on s.id = r.source_id where s.key = '" + key + "' order by r.id desc limit 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String version(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String osLoad() {
        return String.format("load average %.2f at start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
