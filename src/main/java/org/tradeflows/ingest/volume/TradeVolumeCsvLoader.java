package org.tradeflows.ingest.volume;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import org.tradeflows.ingest.FormatLoader;
import org.tradeflows.ingest.IngestException;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.store.TradeVolumeRow;

/** What the official-statistics formats share: rows checked one by one, staged, then upserted as trade volumes. */
abstract class TradeVolumeCsvLoader implements FormatLoader {

    private TradeVolumeStage stage;

    /** Opens the file with the format's header rules. */
    abstract CsvTable open(LoadContext ctx, Reader reader) throws IOException;

    /** The row as a trade volume; null when it is bad (problems in {@code check}) or skipped (counted in the tally). */
    abstract TradeVolumeRow row(CsvTable t, RowCheck check, LoadContext ctx);

    @Override
    public void read(LoadContext ctx, Reader reader) throws SQLException, IOException {
        CsvTable t = open(ctx, reader);
        boolean any = false;
        stage = new TradeVolumeStage(ctx.connection());
        try {
            while (t.next()) {
                any = true;
                ctx.rowRead();
                RowCheck check = new RowCheck(t.line(), ctx.today());
                TradeVolumeRow row = null;
                if (t.width() != t.header().size()) {
                    check.problem(null, "the record has " + t.width() + " fields where the header has "
                            + t.header().size(), null);
                } else {
                    row = row(t, check, ctx);
                }
                if (!check.ok()) {
                    ctx.reject(check, t.raw());
                } else if (row != null && ctx.writing()) {
                    stage.write(row);
                }
            }
            if (!any) {
                throw new IngestException("The file has a header but no rows.", 2L);
            }
        } finally {
            stage.close();
        }
    }

    @Override
    public void write(LoadContext ctx) throws SQLException, IOException {
        stage.write(ctx);
    }
}
