package org.tradeflows.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.sql.Sql;

/** The keyset condition, rendered without a database: mixed directions, empty values last, values always bound. */
class KeysetTest {

    private static final List<Keyset.Column> COLUMNS = List.of(
            new Keyset.Column("value_eur", "numeric", true),
            new Keyset.Column("k_hs2", "text", false));

    @Test
    void rendersStrictlyAfterWithEqualityOnEarlierColumns() {
        Sql f = Keyset.after(COLUMNS, List.of("10.50", "84"));
        assertThat(f.text()).isEqualTo("(((value_eur < cast(? as numeric) or value_eur is null)) or "
                + "(value_eur = cast(? as numeric) and (k_hs2 > cast(? as text) or k_hs2 is null)))");
        assertThat(f.values()).containsExactly("10.50", "10.50", "84");
        assertThat(Keyset.orderBy(COLUMNS).text()).isEqualTo("value_eur desc nulls last, k_hs2 asc nulls last");
    }

    @Test
    void nothingSortsAfterAnEmptyValueInItsColumn() {
        Sql f = Keyset.after(COLUMNS, Arrays.asList(null, "84"));
        assertThat(f.text()).isEqualTo("((value_eur is null and (k_hs2 > cast(? as text) or k_hs2 is null)))");
        assertThat(Keyset.after(COLUMNS, Arrays.asList(null, null)).text()).isEqualTo("false");
    }

    @Test
    void forgedValuesAreUserErrors() {
        assertThatThrownBy(() -> Keyset.check(COLUMNS, List.of("ten", "84"))).isInstanceOf(BadUserInputException.class);
        assertThatThrownBy(() -> Keyset.check(COLUMNS, List.of("1"))).isInstanceOf(BadUserInputException.class);
    }
}
