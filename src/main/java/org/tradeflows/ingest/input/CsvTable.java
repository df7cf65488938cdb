package org.tradeflows.ingest.input;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tradeflows.ingest.IngestException;

/**
 * A CSV file read record by record under its header, with the line each record starts on. Header problems
 * (missing, duplicate or unknown columns, the wrong delimiter) and quoting problems stop the file with a message
 * naming the line; a record with the wrong number of fields is left to the caller to reject as a row.
 */
public final class CsvTable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private CSVRecord current;
    private long currentLine;
    private long lastLineEnd;

    private CsvTable(CSVParser parser, List<String> header) {
        this.parser = parser;
        this.records = parser.iterator();
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        this.lastLineEnd = parser.getCurrentLineNumber();
    }

    /**
     * Opens a CSV table. Header names are compared case-insensitively and trimmed.
     *
     * @param delimiters the delimiters the format allows; the first that appears in the header line is used
     * @param required columns that must be present
     * @param known every column the format reads, or null when other columns are simply ignored
     */
    public static CsvTable open(Reader reader, String formatName, char[] delimiters, Set<String> required,
            Set<String> known) throws IOException {
        var buffered = new java.io.BufferedReader(reader, 1 << 16);
        buffered.mark(TextInput.MAX_LINE_CHARS + 2);
        String firstLine = buffered.readLine();
        buffered.reset();
        if (firstLine == null || firstLine.isBlank()) {
            throw new IngestException("The file has no header line: a " + formatName + " file starts with its column "
                    + "names.", 1L);
        }
        char delimiter = delimiters[0];
        for (char d : delimiters) {
            if (firstLine.indexOf(d) >= 0) {
                delimiter = d;
                break;
            }
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(false)
                .setIgnoreEmptyLines(true).get();
        CSVParser parser = CSVParser.parse(buffered, format);
        Iterator<CSVRecord> it = parser.iterator();
        CSVRecord head = next(it, parser, 0);
        List<String> header = new ArrayList<>();
        for (String name : head) {
            header.add(name.trim().toLowerCase(Locale.ROOT));
        }
        checkHeader(header, formatName, delimiter, delimiters, required, known);
        return new CsvTable(parser, header);
    }

    private static void checkHeader(List<String> header, String formatName, char delimiter, char[] allowed,
            Set<String> required, Set<String> known) {
        if (header.size() == 1 && required.size() > 1) {
            String only = header.get(0);
            for (char other : new char[] {';', '\t', '|', ','}) {
                if (other != delimiter && only.indexOf(other) >= 0) {
                    throw new IngestException(String.format("The header has one column; its names are separated by %s, "
                            + "but a %s file separates columns with %s.", describe(other), formatName,
                            describeAll(allowed)), 1L);
                }
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        for (String name : header) {
            if (name.isEmpty()) {
                throw new IngestException("The header has an empty column name (column " + (seen.size() + 1) + ").", 1L);
            }
            if (!seen.add(name)) {
                throw new IngestException("The header names column '" + name + "' twice.", 1L);
            }
        }
        List<String> missing = required.stream().filter(r -> !seen.contains(r)).sorted().toList();
        List<String> unknown = known == null ? List.of() : header.stream().filter(h -> !known.contains(h)).toList();
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("lacks the required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            problems.add("has the unknown column" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown));
        }
        if (!problems.isEmpty()) {
            throw new IngestException("The header " + String.join(" and ", problems) + " of a " + formatName + " file"
                    + (known == null ? "." : "; its columns are: " + String.join(", ", known.stream().sorted().toList())
                            + "."), 1L);
        }
    }

    private static String describe(char c) {
        return switch (c) {
            case '\t' -> "tabs";
            case ';' -> "semicolons";
            case ',' -> "commas";
            case '|' -> "pipes";
            default -> "'" + c + "'";
        };
    }

    private static String describeAll(char[] allowed) {
        List<String> names = new ArrayList<>();
        for (char c : allowed) {
            names.add(describe(c));
        }
        return String.join(" or ", names);
    }

    private static CSVRecord next(Iterator<CSVRecord> it, CSVParser parser, long lastLine) {
        try {
            return it.hasNext() ? it.next() : null;
        } catch (UncheckedIOException e) {
            throw quoting(e, parser, lastLine);
        }
    }

    private static IngestException quoting(UncheckedIOException e, CSVParser parser, long lastLine) {
        IOException io = e.getCause();
        if (io != null && io.getMessage() != null) {
            String m = io.getMessage();
            long line = lastLine + 1;
            if (m.contains("EOF reached before encapsulated token finished")) {
                return new IngestException("The quoted field that starts on line " + line + " is never closed: the file "
                        + "is truncated or a value contains a stray double quote.", line);
            }
            if (m.contains("Invalid character between encapsulated token and delimiter")
                    || m.contains("invalid char between encapsulated token and delimiter")) {
                return new IngestException("Line " + parser.getCurrentLineNumber() + ": text follows a closing double "
                        + "quote; inside a quoted value a double quote must be doubled (\"\").",
                        parser.getCurrentLineNumber());
            }
            return new IngestException("Line " + line + " cannot be read as CSV: " + m, line);
        }
        return new IngestException("The file cannot be read: " + e.getMessage());
    }

    public List<String> header() {
        return header;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** Moves to the next record; false at the end of the file. */
    public boolean next() {
        CSVRecord r = next(records, parser, lastLineEnd);
        if (r == null) {
            current = null;
            return false;
        }
        current = r;
        currentLine = lastLineEnd + 1;
        lastLineEnd = parser.getCurrentLineNumber();
        return true;
    }

    /** The line the current record starts on (the header is line 1). */
    public long line() {
        return currentLine;
    }

    public int width() {
        return current.size();
    }

    /** The value of a column in the current record, trimmed; empty when the column is absent or the record short. */
    public String get(String column) {
        Integer i = index.get(column);
        if (i == null || i >= current.size()) {
            return "";
        }
        return current.get(i).trim();
    }

    /** The current record written back as one CSV line, for the file of rejected rows. */
    public String raw() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
            printer.printRecord((Object[]) current.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
