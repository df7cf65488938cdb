package org.tradeflows.ingest.cli;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.tradeflows.ingest.ProgressListener;

/**
 * The load command's progress bar on standard error: rows read and rows per second, with a percentage and an
 * estimate of the time left from the share of the file's bytes read. Without a terminal it prints a line a second.
 */
public final class ProgressBarListener implements ProgressListener, AutoCloseable {

    private final ProgressBar bar;
    private final long fileBytes;

    public ProgressBarListener(long fileBytes, boolean quiet) {
        this("Loading", fileBytes, quiet);
    }

    /** A bar named {@code task} ("Fetching"); {@code fileBytes} may be -1 when the size is not known yet. */
    public ProgressBarListener(String task, long fileBytes, boolean quiet) {
        this.fileBytes = fileBytes;
        if (quiet) {
            bar = null;
            return;
        }
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setUnit(" rows", 1).showSpeed()
                .setInitialMax(-1).setUpdateIntervalMillis(1000).setStyle(ProgressBarStyle.ASCII);
        if (System.console() == null) {
            builder.setConsumer(new DelegatingProgressBarConsumer(System.err::println));
        }
        bar = builder.build();
    }

    @Override
    public void progress(long rows, long bytes) {
        progress(rows, bytes, fileBytes);
    }

    /** As {@link #progress(long, long)}, with the total size once it is known (a download's Content-Length). */
    public void progress(long rows, long bytes, long fileBytes) {
        if (bar == null) {
            return;
        }
        if (fileBytes > 0 && bytes > 0) {
            bar.maxHint(Math.max(rows, (long) (rows * ((double) fileBytes / bytes))));
        }
        bar.stepTo(rows);
    }

    public void done(long rows) {
        if (bar != null) {
            bar.maxHint(rows);
            bar.stepTo(rows);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
