package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.CountryRecord;
import org.tradeflows.query.CountryCriteria;
import org.tradeflows.query.Where;

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
        Where w = where(filter);
        if (afterCode != null) {
            w.and("code > ?", afterCode);
        }
        return jdbc.list("select " + COLUMNS + " from country where " + w.sql() + " order by code limit ?",
                w.params(limit), CountryStore::map);
    }

    public long count(CountryCriteria filter) {
        Where w = where(filter);
        return jdbc.count("select count(*) from country where " + w.sql(), w.params());
    }

    private static Where where(CountryCriteria f) {
        Where w = new Where();
        if (f == null) {
            return w;
        }
        if (f.search() != null) {
            String like = Where.contains(f.search().trim());
            w.and("(name ilike ? or official_name ilike ? or code = upper(?) or alpha3 = upper(?))", like, like,
                    f.search().trim(), f.search().trim());
        }
        w.andIf(f.region(), "lower(region) = lower(?)", f.region());
        return w;
    }

    static CountryRecord map(ResultSet rs) throws SQLException {
        String code = rs.getString("code");
        return new CountryRecord(code, rs.getString("alpha3"), rs.getInt("numeric_code"),
                rs.getString("name"), rs.getString("official_name"), rs.getString("name_ru"), rs.getString("name_zh"),
                rs.getString("region"), rs.getString("subregion"));
    }
}
