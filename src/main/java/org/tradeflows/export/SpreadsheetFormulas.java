package org.tradeflows.export;

/**
 * CSV injection defence as OWASP recommends: a text cell that a spreadsheet program would read as a formula (it
 * starts with =, +, -, @, a tab or a carriage return) is prefixed with a single quote, which the program shows as
 * text. Only text columns pass through here; numbers such as -5 stay numbers, and NDJSON keeps every value as is.
 */
final class SpreadsheetFormulas {

    private SpreadsheetFormulas() {
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
