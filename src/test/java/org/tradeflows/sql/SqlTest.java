package org.tradeflows.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.join;
import static org.tradeflows.sql.Sql.name;
import static org.tradeflows.sql.Sql.or;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pieces of SQL keep their values beside their placeholders, in order, however they are composed. */
class SqlTest {

    enum Column implements SqlName {
        SUPPLIER("s.supplier_country"), PERIOD("s.period_start");

        private final String sql;

        Column(String sql) {
            this.sql = sql;
        }

        @Override
        public String sql() {
            return sql;
        }
    }

    /** The shape a scope renderer has: one line per optional filter, the holes filled in order. */
    static Sql shipments(String supplier, List<String> hsPrefixes, LocalDate from, int limit) {
        Sql where = and(
                sql("not s.synthetic"),
                ifGiven(supplier, c -> sql("{} = {}", name(Column.SUPPLIER), value(c))),
                ifGiven(hsPrefixes, p -> sql("s.hs_code like any({})", value(p))),
                ifGiven(from, d -> sql("{} >= {}", name(Column.PERIOD), value(d))));
        return sql("select s.id from shipment s where {} order by s.id limit {}", where, value(limit));
    }

    @Test
    void optionalFiltersThatAreGivenAppearWithTheirValuesInOrder() {
        Sql q = shipments("CN", List.of("8542"), LocalDate.of(2024, 1, 1), 20);
        assertThat(q.text()).isEqualTo("select s.id from shipment s where (not s.synthetic) and (s.supplier_country = ?) "
                + "and (s.hs_code like any(?)) and (s.period_start >= ?) order by s.id limit ?");
        assertThat(q.values()).containsExactly("CN", List.of("8542"), LocalDate.of(2024, 1, 1), 20);
    }

    @Test
    void filtersNotGivenLeaveNoTraceAndNoValue() {
        Sql q = shipments(null, List.of(), null, 5);
        assertThat(q.text()).isEqualTo("select s.id from shipment s where (not s.synthetic) order by s.id limit ?");
        assertThat(q.values()).containsExactly(5);
    }

    @Test
    void aHoleCountThatDoesNotMatchFails() {
        assertThatThrownBy(() -> sql("a = {} and b = {}", value(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more {}");
        assertThatThrownBy(() -> sql("a = {}", value(1), value(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 pieces given for 1");
        assertThatThrownBy(() -> sql("a = {}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQuestionMarkInTrustedTextFails() {
        assertThatThrownBy(() -> sql("a = ?")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sql.value");
        assertThatThrownBy(() -> sql("a = {} or b = ?", value(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> join(List.of(value(1), value(2)), " ? ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> name(() -> "x = ?")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPieceOfSqlCannotBeBoundAsAValue() {
        assertThatThrownBy(() -> value(sql("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> value(Column.SUPPLIER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nestedAndOrKeepTheirValueOrder() {
        Sql q = or(and(sql("a = {}", value(1)), sql("b = {}", value(2))),
                and(sql("c = {}", value(3)), or(sql("d = {}", value(4)), sql("e = {}", value(5)))));
        assertThat(q.text()).isEqualTo("((a = ?) and (b = ?)) or ((c = ?) and ((d = ?) or (e = ?)))");
        assertThat(q.values()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void noConditionsAreTrueForAndAndFalseForOr() {
        assertThat(and(List.of())).isEqualTo(Sql.TRUE);
        assertThat(or(List.of())).isEqualTo(Sql.FALSE);
        assertThat(and(Sql.EMPTY, Sql.EMPTY).text()).isEqualTo("true");
        assertThat(or(Sql.EMPTY).text()).isEqualTo("false");
    }

    @Test
    void joinOfNoneOneAndMany() {
        assertThat(join(List.of(), ", ")).isEqualTo(Sql.EMPTY);
        assertThat(join(List.of(), ", ").isEmpty()).isTrue();
        Sql one = join(List.of(value("x")), ", ");
        assertThat(one.text()).isEqualTo("?");
        assertThat(one.values()).containsExactly("x");
        Sql many = join(List.of(value("x"), name(Column.PERIOD), Sql.EMPTY, value(7)), ", ");
        assertThat(many.text()).isEqualTo("?, s.period_start, ?");
        assertThat(many.values()).containsExactly("x", 7);
    }

    @Test
    void parensThenNot() {
        Sql q = sql("a = {} or b = {}", value(1), value(2)).parens().not();
        assertThat(q.text()).isEqualTo("not ((a = ? or b = ?))");
        assertThat(q.values()).containsExactly(1, 2);
    }

    @Test
    void thenJoinsWithASpaceAndSkipsEmptySides() {
        Sql q = sql("select 1").then(sql("where x = {}", value("a"))).then(Sql.EMPTY);
        assertThat(q.text()).isEqualTo("select 1 where x = ?");
        assertThat(q.values()).containsExactly("a");
        assertThat(Sql.EMPTY.then(sql("limit {}", value(3))).text()).isEqualTo("limit ?");
    }

    @Test
    void aNullValueIsBoundAsNullAndCollectionsAreCopied() {
        List<Long> ids = new ArrayList<>(List.of(1L, 2L));
        Sql q = sql("id = any({}) or x is not distinct from {}", value(ids), value(null));
        ids.add(3L);
        assertThat(q.values()).containsExactly(List.of(1L, 2L), null);
        assertThatThrownBy(() -> q.values().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theSameStatementWithTheSameValuesIsEqual() {
        assertThat(shipments("CN", List.of("85"), null, 20)).isEqualTo(shipments("CN", List.of("85"), null, 20))
                .hasSameHashCodeAs(shipments("CN", List.of("85"), null, 20));
        assertThat(shipments("CN", List.of("85"), null, 20)).isNotEqualTo(shipments("DE", List.of("85"), null, 20));
        assertThat(sql("a = {}", value(1))).isNotEqualTo(sql("b = {}", value(1)));
    }

    @Test
    void containsPatternMatchesWildcardsLiterally() {
        Sql p = Sql.containsPattern("50%_off\\");
        assertThat(p.text()).isEqualTo("?");
        assertThat(p.values()).containsExactly("%50\\%\\_off\\\\%");
    }

    @Test
    void aValueIsAlwaysAPlaceholderWhateverItsText() {
        Sql q = sql("name = {}", value("'; drop table company; --"));
        assertThat(q.text()).isEqualTo("name = ?");
        assertThat(Arrays.asList(q.values().toArray())).containsExactly("'; drop table company; --");
    }

    @Test
    void aNamedPieceUsedTwiceBringsItsValuesAtEachUse() {
        Sql reaches = sql("s.recipient_country = {}", value("RU"));
        Sql q = sql("select {reaches} as reached from shipment s where s.hs6 = {hs} and ({limit} > 1 or {reaches}) limit {limit}",
                Map.of("reaches", reaches, "hs", value("854231"), "limit", value(4)));
        assertThat(q.text()).isEqualTo("select s.recipient_country = ? as reached from shipment s where s.hs6 = ? "
                + "and (? > 1 or s.recipient_country = ?) limit ?");
        assertThat(q.values()).containsExactly("RU", "854231", 4, "RU", 4);
    }

    @Test
    void aNamedHoleWithoutItsPieceOrAPieceNeverUsedFails() {
        assertThatThrownBy(() -> sql("a = {a} and b = {b}", Map.of("a", value(1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no piece named b");
        assertThatThrownBy(() -> sql("a = {a}", Map.of("a", value(1), "b", value(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[b] are not used");
        assertThatThrownBy(() -> sql("a = {a} or b = ?", Map.of("a", value(1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
