package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.containsPattern;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.CountryRecord;
import org.tradeflows.query.CountryCriteria;
import org.tradeflows.sql.Sql;

/** Every SQL statement that reads countries. */
@ApplicationScoped
public class CountryStore {

    private static final String COLUMNS = "code, alpha3, numeric_code, name, official_name, name_ru, name_zh, region, subregion";

    private final Jdbc jdbc;

    public CountryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CountryRecord> byCode(String code) {
        return jdbc.one("select " + COLUMNS + " from country where code = ? or alpha3 = ?", List.of(code, code),
                CountryStore::map);
    }

    /** Every country's codes and name, for reading what a user typed as a country. */
    public List<CountryCodes> allCodes() {
        return jdbc.list("select code, alpha3, numeric_code, name from country order by code", List.of(),
                rs -> new CountryCodes(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
    }

    public List<CountryRecord> byCodes(Collection<String> codes) {
        return jdbc.list("select " + COLUMNS + " from country where code = any(?)", List.of(codes), CountryStore::map);
    }

    public List<CountryRecord> page(CountryCriteria filter, String afterCode, int limit) {
        Sql where = and(where(filter), ifGiven(afterCode, code -> sql("code > {}", value(code))));
        return jdbc.list(sql("select " + COLUMNS + " from country where {} order by code limit {}", where, value(limit)),
                CountryStore::map);
    }

    public long count(CountryCriteria filter) {
        return jdbc.count(sql("select count(*) from country where {}", where(filter)));
    }

    private static Sql where(CountryCriteria f) {
        if (f == null) {
            return Sql.TRUE;
        }
        return and(
                ifGiven(f.search(), text -> {
                    Sql like = containsPattern(text.trim());
                    Sql code = value(text.trim());
                    return sql("name ilike {} or official_name ilike {} or code = upper({}) or alpha3 = upper({})", like,
                            like, code, code);
                }),
                ifGiven(f.region(), r -> sql("lower(region) = lower({})", value(r))));
    }

    static CountryRecord map(ResultSet rs) throws SQLException {
        String code = rs.getString("code");
        return new CountryRecord(code, rs.getString("alpha3"), rs.getInt("numeric_code"),
                rs.getString("name"), rs.getString("official_name"), rs.getString("name_ru"), rs.getString("name_zh"),
                rs.getString("region"), rs.getString("subregion"));
    }
}
