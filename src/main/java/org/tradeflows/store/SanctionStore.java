package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.tradeflows.api.types.Sanction;
import org.tradeflows.input.SanctionFilter;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.query.Where;

/** Every SQL statement that reads sanctions. */
@ApplicationScoped
public class SanctionStore {

    private static final String COLUMNS = "s.id, s.company_id, s.authority, s.program, s.listed_on, s.ended_on, "
            + "s.confirmed, s.source_id, s.note";

    private final Jdbc jdbc;

    public SanctionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Sanction> byCompanyIds(Collection<Long> companyIds) {
        return jdbc.list("select " + COLUMNS + " from sanction s where s.company_id = any(?) "
                + "order by s.listed_on nulls last, s.id", List.of(companyIds), SanctionStore::map);
    }

    public List<Sanction> byIds(Collection<Long> ids) {
        return jdbc.list("select " + COLUMNS + " from sanction s where s.id = any(?)", List.of(ids), SanctionStore::map);
    }

    public List<Sanction> page(SanctionFilter filter, Long afterId, int limit) {
        Where w = where(filter);
        w.andIf(afterId, "s.id > ?", afterId);
        return jdbc.list("select " + COLUMNS + " from sanction s join company c on c.id = s.company_id where " + w.sql()
                + " order by s.id limit ?", w.params(limit), SanctionStore::map);
    }

    public long count(SanctionFilter filter) {
        Where w = where(filter);
        return jdbc.count("select count(*) from sanction s join company c on c.id = s.company_id where " + w.sql(),
                w.params());
    }

    private static Where where(SanctionFilter f) {
        Where w = new Where();
        if (f == null) {
            return w;
        }
        w.andIf(f.authorities(), "s.authority = any(?)",
                f.authorities() == null ? null : f.authorities().stream().map(Enum::name).toList());
        w.andIf(f.companyCountries(), "c.country_code = any(?)", f.companyCountries());
        w.andIf(f.inForceOn(), CompanyStore.SANCTION_IN_FORCE, f.inForceOn(), f.inForceOn(), f.inForceOn());
        w.andIf(f.confirmed(), "s.confirmed = ?", f.confirmed());
        return w;
    }

    static Sanction map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Sanction(GlobalId.of("Sanction", id), SanctionAuthority.valueOf(rs.getString("authority")),
                rs.getString("program"), Jdbc.date(rs, "listed_on").orElse(null), Jdbc.date(rs, "ended_on").orElse(null),
                rs.getBoolean("confirmed"), rs.getString("note"), rs.getLong("company_id"), rs.getLong("source_id"));
    }
}
