package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.containsPattern;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.CountryRecord;
import org.tradeflows.query.CountryCriteria;
import org.tradeflows.sql.Sql;

/** Every SQL statement that reads or writes countries. */
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

    /** The alpha-2 code of the country with this alpha-3 code, read on a loader's connection. */
    public static Optional<String> alpha2(Connection c, String alpha3) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select code from country where alpha3 = ?")) {
            ps.setString(1, alpha3);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Upserts the countries by their alpha-2 code on the reference loader's connection, in one batch; how many. */
    public static int upsertAll(Connection c, List<CountryRecord> countries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into country (code, alpha3, numeric_code, name, official_name, name_ru, name_zh, region, subregion)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set alpha3 = excluded.alpha3, numeric_code = excluded.numeric_code,
                    name = excluded.name, official_name = excluded.official_name, name_ru = excluded.name_ru,
                    name_zh = excluded.name_zh, region = excluded.region, subregion = excluded.subregion""")) {
            for (CountryRecord r : countries) {
                ps.setString(1, r.code());
                ps.setString(2, r.alpha3());
                ps.setInt(3, r.numericCode());
                ps.setString(4, r.name());
                ps.setString(5, r.officialName());
                ps.setString(6, r.nameRu());
                ps.setString(7, r.nameZh());
                ps.setString(8, r.region());
                ps.setString(9, r.subregion());
                ps.addBatch();
            }
            ps.executeBatch();
            return countries.size();
        }
    }
}
