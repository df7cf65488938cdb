package org.tradeflows.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** One row in PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes; reused row after row. */
final class CopyRow {

    private final StringBuilder text = new StringBuilder(512);
    private boolean first = true;

    public CopyRow reset() {
        text.setLength(0);
        first = true;
        return this;
    }

    private void separator() {
        if (!first) {
            text.append('\t');
        }
        first = false;
    }

    public CopyRow add(String value) {
        separator();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
        return this;
    }

    public CopyRow add(long value) {
        separator();
        text.append(value);
        return this;
    }

    public CopyRow add(Long value) {
        return value == null ? add((String) null) : add(value.longValue());
    }

    public CopyRow add(BigDecimal value) {
        return add(value == null ? null : value.toPlainString());
    }

    public CopyRow add(LocalDate value) {
        return add(value == null ? null : value.toString());
    }

    /** An array literal of plain tokens (ids, country codes), null elements as NULL; null when the list is empty. */
    public CopyRow addArray(List<?> values) {
        if (values == null || values.isEmpty()) {
            return add((String) null);
        }
        separator();
        text.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Object v = values.get(i);
            text.append(v == null ? "NULL" : v.toString());
        }
        text.append('}');
        return this;
    }

    public byte[] bytes() {
        text.append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
