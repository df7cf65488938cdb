package org.tradeflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OWASP's CSV injection list, and nothing more: other text is left exactly as it was. */
class SpreadsheetFormulasTest {

    @Test
    void formulaLeadingCellsGetAQuoteInFront() {
        assertThat(SpreadsheetFormulas.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetFormulas.neutralise("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetFormulas.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetFormulas.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetFormulas.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetFormulas.neutralise("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void otherTextIsUntouched() {
        assertThat(SpreadsheetFormulas.neutralise("Fictional Co = Ltd")).isEqualTo("Fictional Co = Ltd");
        assertThat(SpreadsheetFormulas.neutralise("'quoted")).isEqualTo("'quoted");
        assertThat(SpreadsheetFormulas.neutralise("")).isEmpty();
        assertThat(SpreadsheetFormulas.neutralise(null)).isNull();
    }
}
