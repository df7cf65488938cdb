package org.tradeflows.fetch;

/**
 * One fetch as asked for: the source by name ({@code baci}), the filter, the publisher's version (null: the
 * configured one), a dry run (everything downloaded and checked, nothing written) and whether valid rows are loaded
 * when some are rejected (otherwise all or nothing, as {@code load}).
 */
public record FetchRequest(String source, FetchFilter filter, String version, boolean dryRun, boolean keepValid) {
}
