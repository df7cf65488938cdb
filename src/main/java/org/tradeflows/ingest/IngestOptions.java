package org.tradeflows.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How to load a file.
 *
 * @param source the source of the rows; null to use the format's default source (UN Comtrade, CEPII BACI,
 *        OpenSanctions), which the shipment and exchange-rate formats do not have
 * @param keepValid load the valid rows and report the rejected ones, instead of rejecting the whole file
 * @param dryRun check everything, write nothing
 * @param fileName the file's name, recorded in the data release
 * @param listLimit how many rejections and ambiguities the report lists (all are counted)
 * @param today dates after this day are rejected as in the future
 * @param charset the file's encoding (UTF-8 unless the curator names another)
 * @param replace official statistics only: the file is the source's whole new edition, so the source's figures it
 *        no longer has are withdrawn (kept in the history, readable with asOf)
 */
public record IngestOptions(IngestFormat format, SourceOptions source, boolean keepValid, boolean dryRun,
        String fileName, int listLimit, LocalDate today, Charset charset, boolean replace) {

    public static IngestOptions of(IngestFormat format, SourceOptions source) {
        return new IngestOptions(format, source, false, false, null, 1000, LocalDate.now(ZoneOffset.UTC),
                StandardCharsets.UTF_8, false);
    }

    public IngestOptions keepValid(boolean keep) {
        return new IngestOptions(format, source, keep, dryRun, fileName, listLimit, today, charset, replace);
    }

    public IngestOptions dryRun(boolean dry) {
        return new IngestOptions(format, source, keepValid, dry, fileName, listLimit, today, charset, replace);
    }

    public IngestOptions fileName(String name) {
        return new IngestOptions(format, source, keepValid, dryRun, name, listLimit, today, charset, replace);
    }

    public IngestOptions listLimit(int limit) {
        return new IngestOptions(format, source, keepValid, dryRun, fileName, limit, today, charset, replace);
    }

    /** Withdraws the source's figures that the file no longer has; refused for formats other than official statistics. */
    public IngestOptions replace(boolean whole) {
        if (whole && !"OFFICIAL_STATISTICS".equals(format.sourceKind())) {
            throw new IllegalArgumentException("replace applies to official statistics (comtrade, baci) only, not to "
                    + format.key());
        }
        return new IngestOptions(format, source, keepValid, dryRun, fileName, listLimit, today, charset, whole);
    }

    /** The encoding by name (UTF-8 when blank); an unknown name is a bad request. */
    public IngestOptions charset(String name) {
        if (name == null || name.isBlank()) {
            return this;
        }
        try {
            return new IngestOptions(format, source, keepValid, dryRun, fileName, listLimit, today, Charset.forName(name.trim()), replace);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown character encoding '" + name + "' (for example UTF-8, windows-1252, "
                    + "ISO-8859-1)");
        }
    }
}
