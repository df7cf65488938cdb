package org.tradeflows.ingest;

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
 */
public record IngestOptions(IngestFormat format, SourceOptions source, boolean keepValid, boolean dryRun,
        String fileName, int listLimit, LocalDate today) {

    public static IngestOptions of(IngestFormat format, SourceOptions source) {
        return new IngestOptions(format, source, false, false, null, 1000, LocalDate.now(ZoneOffset.UTC));
    }

    public IngestOptions keepValid(boolean keep) {
        return new IngestOptions(format, source, keep, dryRun, fileName, listLimit, today);
    }

    public IngestOptions dryRun(boolean dry) {
        return new IngestOptions(format, source, keepValid, dry, fileName, listLimit, today);
    }

    public IngestOptions fileName(String name) {
        return new IngestOptions(format, source, keepValid, dryRun, name, listLimit, today);
    }

    public IngestOptions listLimit(int limit) {
        return new IngestOptions(format, source, keepValid, dryRun, fileName, limit, today);
    }
}
