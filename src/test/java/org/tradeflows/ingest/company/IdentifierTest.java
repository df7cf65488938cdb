package org.tradeflows.ingest.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void checkDigitsOfRussianChineseAndGlobalIdentifiers() {
        assertThat(Identifier.innChecks("7707083893")).isTrue();
        assertThat(Identifier.innChecks("7707083894")).isFalse();
        assertThat(Identifier.innChecks("500100732259")).isTrue();
        assertThat(Identifier.ogrnChecks("1027700132195")).isTrue();
        assertThat(Identifier.ogrnChecks("1027700132196")).isFalse();
        assertThat(Identifier.usccChecks("91330200MA2DEMA01F")).isTrue();
        assertThat(Identifier.usccChecks("91330200MA2DEMA01G")).isFalse();
        assertThat(Identifier.leiChecks("5493000FICTIONAL0165")).isTrue();
        assertThat(Identifier.leiChecks("5493000FICTIONAL0166")).isFalse();
    }

    @Test
    void unlabelledIdentifiersAreRecognisedOnlyWhenTheirCheckDigitsProveIt() {
        assertThat(Identifier.infer("7707083893", List.of())).isEqualTo(new Identifier("INN", "7707083893"));
        assertThat(Identifier.infer("1027700132195", List.of())).isEqualTo(new Identifier("OGRN", "1027700132195"));
        assertThat(Identifier.infer("5493000FICTIONAL0165", List.of())).isEqualTo(new Identifier("LEI", "5493000FICTIONAL0165"));
        assertThat(Identifier.infer("91330200MA2DEMA01F", List.of())).isEqualTo(new Identifier("USCC", "91330200MA2DEMA01F"));
        assertThat(Identifier.infer("770701001", List.of("RU"))).isEqualTo(new Identifier("KPP", "770701001"));
        assertThat(Identifier.infer("770701001", List.of("CN"))).isNull();
        assertThat(Identifier.infer("1234567890", List.of())).isNull();
        assertThat(Identifier.infer("IMO 9876543", List.of())).isNull();
    }

    @Test
    void labelledIdentifiersAreCheckedAgainstTheirSchemesFormat() {
        String[] problem = new String[1];
        assertThat(Identifier.parse("inn", " 7707-083893 ", problem)).isEqualTo(new Identifier("INN", "7707083893"));
        assertThat(Identifier.parse("INN", "12345", problem)).isNull();
        assertThat(problem[0]).contains("INN").contains("10 or 12 digits");
        problem[0] = null;
        assertThat(Identifier.parse("VAT", "DE123", problem)).isNull();
        assertThat(problem[0]).contains("unknown identifier scheme");
    }
}
