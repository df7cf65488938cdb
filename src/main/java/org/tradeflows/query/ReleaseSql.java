package org.tradeflows.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.ReleaseKind;
import org.tradeflows.store.Jdbc;

/** Every SQL statement that reads data releases. */
@ApplicationScoped
public class ReleaseSql {

    private static final String COLUMNS = "id, key, version, kind, synthetic, released_at, content_sha256, counts::text as counts, "
            + "changelog, source_id";

    private final Jdbc jdbc;

    public ReleaseSql(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataRelease> all(boolean includeSynthetic) {
        return jdbc.list("select " + COLUMNS + " from data_release where synthetic = false or ? order by id",
                List.of(includeSynthetic), ReleaseSql::map);
    }

    public List<DataRelease> byIds(Collection<Long> ids) {
        return jdbc.list("select " + COLUMNS + " from data_release where id = any(?)", List.of(ids), ReleaseSql::map);
    }

    /** The newest release of real data (synthetic test releases are not the open dataset's). */
    public Optional<DataRelease> current() {
        return jdbc.one("select " + COLUMNS + " from data_release where not synthetic order by id desc limit 1", List.of(),
                ReleaseSql::map);
    }

    static DataRelease map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new DataRelease(GlobalId.of("DataRelease", id), rs.getString("key"), rs.getString("version"),
                ReleaseKind.valueOf(rs.getString("kind")), rs.getBoolean("synthetic"),
                rs.getObject("released_at", OffsetDateTime.class), rs.getString("content_sha256"), rs.getString("counts"),
                rs.getString("changelog"), Jdbc.longOrNull(rs, "source_id"));
    }
}
