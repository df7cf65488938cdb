package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.tradeflows.model.RateKind;
import org.tradeflows.model.RateUsed;

/** Reads which exchange rate converted a figure, through the one rule that picked it (conversion_rate, V14). */
@ApplicationScoped
public class ConversionStore {

    private final Jdbc jdbc;

    public ConversionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The rates for figure keys ({@code currency/period kind/period start}), in one statement; keys without a rate are left out. */
    public List<RateUsed> byKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.list("""
                select k.key, split_part(k.key, '/', 1) as currency, c.units_per_eur, c.period_kind, c.period_start, c.source_id
                  from unnest(?::text[]) as k(key),
                       lateral conversion_rate(split_part(k.key, '/', 1), split_part(k.key, '/', 2),
                                               split_part(k.key, '/', 3)::date) c""",
                List.of(keys), rs -> new RateUsed(rs.getString("key"), rs.getString("currency"),
                        rs.getBigDecimal("units_per_eur"), RateKind.valueOf(rs.getString("period_kind")),
                        rs.getObject("period_start", LocalDate.class), rs.getLong("source_id")));
    }
}
