package org.tradeflows.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.query.Keyset;
import org.tradeflows.query.Where;

/** The keyset condition, rendered without a database: mixed directions, empty values last, values always bound. */
class KeysetTest {

    private static final List<Keyset.Column> COLUMNS = List.of(
            new Keyset.Column("value_eur", "numeric", true),
            new Keyset.Column("k_hs2", "text", false));

    @Test
    void rendersStrictlyAfterWithEqualityOnEarlierColumns() {
        Where.Fragment f = Keyset.after(COLUMNS, List.of("10.50", "84"));
        assertThat(f.sql()).isEqualTo("(((value_eur < cast(? as numeric) or value_eur is null)) or "
                + "(value_eur = cast(? as numeric) and (k_hs2 > cast(? as text) or k_hs2 is null)))");
        assertThat(f.params()).containsExactly("10.50", "10.50", "84");
        assertThat(Keyset.orderBy(COLUMNS)).isEqualTo("value_eur desc nulls last, k_hs2 asc nulls last");
    }

    @Test
    void nothingSortsAfterAnEmptyValueInItsColumn() {
        Where.Fragment f = Keyset.after(COLUMNS, Arrays.asList(null, "84"));
        assertThat(f.sql()).isEqualTo("((value_eur is null and (k_hs2 > cast(? as text) or k_hs2 is null)))");
        assertThat(Keyset.after(COLUMNS, Arrays.asList(null, null)).sql()).isEqualTo("false");
    }

    @Test
    void forgedValuesAreUserErrors() {
        assertThatThrownBy(() -> Keyset.check(COLUMNS, List.of("ten", "84"))).isInstanceOf(BadUserInputException.class);
        assertThatThrownBy(() -> Keyset.check(COLUMNS, List.of("1"))).isInstanceOf(BadUserInputException.class);
    }
}
