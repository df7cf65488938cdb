package org.tradeflows.fetch.baci;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tradeflows.fetch.FetchException;
import org.tradeflows.fetch.FetchFilter;
import org.tradeflows.fetch.HttpDownload;

/**
 * A BACI edition's ZIP, read as it downloads, as one CSV for {@code BaciLoader}: the header once, then the rows of
 * the year files asked for ({@code BACI_HS22_Y{year}_V{version}.csv}) that pass the filter; every other entry
 * (other years, {@code country_codes_V….csv}, {@code product_codes_HS22_V….csv}, the readme) is read past unparsed.
 * At its end the rest of the download is read, so the checksum covers the whole archive.
 */
final class BaciArchive extends InputStream {

    static final Pattern YEAR_FILE = Pattern.compile("(?:.*/)?BACI_HS(\\d\\d)_Y(\\d{4})_V([0-9A-Za-z]+)\\.csv");
    private static final Pattern METADATA = Pattern.compile("(?:.*/)?(country_codes|product_codes_HS\\d\\d)_V([0-9A-Za-z]+)\\.csv");

    private final HttpDownload download;
    private final ZipInputStream zip;
    private final String version;
    private final FetchFilter filter;
    private final Set<Integer> exporters;
    private final Set<Integer> importers;
    private final SortedSet<Integer> yearsInArchive = new TreeSet<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private BufferedInputStream entry;
    private int colI = -1;
    private int colJ = -1;
    private int colK = -1;
    private byte[] header;
    private byte[] pending = new byte[0];
    private int pos;
    private boolean ended;
    private boolean headerDue;
    private String sha256;
    private int entries;

    /**
     * @param exporters numeric codes of the exporters wanted (empty: all), as BACI writes them
     */
    BaciArchive(HttpDownload download, String version, FetchFilter filter, Set<Integer> exporters, Set<Integer> importers) {
        this.download = download;
        this.zip = new ZipInputStream(download);
        this.version = version;
        this.filter = filter;
        this.exporters = exporters;
        this.importers = importers;
    }

    @Override
    public int read() throws IOException {
        if (pos == pending.length && !fill()) {
            return -1;
        }
        return pending[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pos == pending.length && !fill()) {
                break;
            }
            int take = Math.min(len - n, pending.length - pos);
            System.arraycopy(pending, pos, b, off + n, take);
            pos += take;
            n += take;
        }
        return n == 0 ? -1 : n;
    }

    /** The years the archive has files for (known once it has been read). */
    SortedSet<Integer> yearsInArchive() {
        return yearsInArchive;
    }

    /** SHA-256 of the whole downloaded archive, once read to its end. */
    String sha256() {
        return sha256;
    }

    private boolean fill() throws IOException {
        byte[] next = nextLine();
        if (next == null) {
            return false;
        }
        pending = next;
        pos = 0;
        return true;
    }

    private byte[] nextLine() throws IOException {
        while (!ended) {
            if (entry == null) {
                if (!nextYearFile()) {
                    finish();
                    return null;
                }
                if (headerDue) {
                    headerDue = false;
                    return withNewline(header);
                }
            }
            if (!readLine(entry)) {
                entry = null;
                continue;
            }
            if (line.size() == 0) {
                continue;
            }
            byte[] row = line.toByteArray();
            if (wanted(row)) {
                return withNewline(row);
            }
        }
        return null;
    }

    /** Moves to the next year file asked for; the first one's header is passed on, the others' checked and dropped. */
    private boolean nextYearFile() throws IOException {
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            entries++;
            Matcher year = YEAR_FILE.matcher(e.getName());
            Matcher meta = METADATA.matcher(e.getName());
            if (year.matches()) {
                checkVersion(e.getName(), year.group(3));
                int y = Integer.parseInt(year.group(2));
                yearsInArchive.add(y);
                if (!filter.yearWanted(y)) {
                    continue;
                }
                entry = new BufferedInputStream(zip, 1 << 16);
                if (!readLine(entry)) {
                    throw new FetchException(FetchException.CORRUPT_ARCHIVE, e.getName() + " is empty.");
                }
                byte[] h = line.toByteArray();
                columns(e.getName(), h);
                if (header == null) {
                    header = h;
                    headerDue = true;
                }
                return true;
            } else if (meta.matches()) {
                checkVersion(e.getName(), meta.group(2));
            }
        }
        return false;
    }

    private void checkVersion(String name, String fileVersion) {
        if (!fileVersion.equals(version)) {
            throw new FetchException(FetchException.VERSION_MISMATCH, "The archive holds " + name + " of BACI version "
                    + fileVersion + ", not the version " + version + " asked for; nothing was loaded.");
        }
    }

    private void columns(String name, byte[] h) {
        String[] cols = new String(h, StandardCharsets.US_ASCII).replace("\"", "").trim().split(",");
        int i = -1;
        int j = -1;
        int k = -1;
        for (int n = 0; n < cols.length; n++) {
            switch (cols[n].trim()) {
                case "i" -> i = n;
                case "j" -> j = n;
                case "k" -> k = n;
                default -> {
                }
            }
        }
        if (i < 0 || j < 0 || k < 0) {
            throw new FetchException(FetchException.CORRUPT_ARCHIVE, name + " does not have BACI's columns t,i,j,k,v,q.");
        }
        if (header != null && (i != colI || j != colJ || k != colK)) {
            throw new FetchException(FetchException.CORRUPT_ARCHIVE, name + " has its columns in another order than the "
                    + "archive's other year files.");
        }
        colI = i;
        colJ = j;
        colK = k;
    }

    /** Reads one line (without its line break) into {@link #line}; false at the end of the entry. */
    private boolean readLine(InputStream in) throws IOException {
        line.reset();
        int b = in.read();
        if (b < 0) {
            return false;
        }
        while (b >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
            b = in.read();
        }
        return true;
    }

    private boolean wanted(byte[] row) {
        if (exporters.isEmpty() && importers.isEmpty() && filter.hs().isEmpty()) {
            return true;
        }
        String[] f = new String(row, StandardCharsets.US_ASCII).split(",", -1);
        if (f.length <= Math.max(colI, Math.max(colJ, colK))) {
            return true; // the loader rejects it with its line
        }
        return matches(exporters, f[colI]) && matches(importers, f[colJ]) && filter.productWanted(hs6(f[colK]));
    }

    private static boolean matches(Set<Integer> codes, String value) {
        if (codes.isEmpty()) {
            return true;
        }
        try {
            return codes.contains(Integer.parseInt(value.replace("\"", "").trim()));
        } catch (NumberFormatException e) {
            return true; // the loader rejects it with its line
        }
    }

    private static String hs6(String k) {
        String v = k.replace("\"", "").trim();
        return v.length() == 5 ? "0" + v : v;
    }

    private static byte[] withNewline(byte[] row) {
        byte[] out = new byte[row.length + 1];
        System.arraycopy(row, 0, out, 0, row.length);
        out[row.length] = '\n';
        return out;
    }

    private void finish() throws IOException {
        ended = true;
        sha256 = download.sha256();
        if (entries == 0) {
            throw new FetchException(FetchException.CORRUPT_ARCHIVE, "The download is not a ZIP archive of BACI (no entry "
                    + "found); nothing was loaded.");
        }
        if (yearsInArchive.isEmpty()) {
            throw new FetchException(FetchException.CORRUPT_ARCHIVE, "The archive holds no BACI year file "
                    + "(BACI_HS22_Y{year}_V{version}.csv); nothing was loaded.");
        }
        if (header == null) {
            throw new FetchException(FetchException.NO_SUCH_YEARS, "BACI version " + version + " has the years "
                    + yearsInArchive.first() + "-" + yearsInArchive.last() + ", none of the years asked for ("
                    + filter.years() + "); nothing was loaded.");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
