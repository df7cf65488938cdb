package org.tradeflows.ingest.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyNamesTest {

    @Test
    void caseAndPunctuationAndLegalFormsDoNotMatter() {
        String key = CompanyNames.key("Unikom LLC");
        assertThat(CompanyNames.key("UNIKOM, L.L.C.")).isEqualTo(key);
        assertThat(CompanyNames.key("Unikom Limited Liability Company")).isEqualTo(key);
        assertThat(CompanyNames.key("  unikom  ")).isEqualTo(key);
        assertThat(key).isEqualTo("unikom");
    }

    @Test
    void chineseLegalFormsAndCoLtdAreDropped() {
        assertThat(CompanyNames.key("Ningbo Peak Cloud Import and Export Co., Ltd."))
                .isEqualTo(CompanyNames.key("NINGBO PEAK CLOUD IMPORT & EXPORT CO LTD"));
        assertThat(CompanyNames.key("宁波峰云进出口有限公司")).isEqualTo("宁波峰云进出口");
        assertThat(CompanyNames.key("宁波峰云进出口股份有限公司")).isEqualTo("宁波峰云进出口");
    }

    @Test
    void russianLegalFormsInEitherScriptAreDropped() {
        String key = CompanyNames.key("Sequoia JSC");
        assertThat(CompanyNames.key("АО «Секвойя»")).isEqualTo(CompanyNames.key("AO Sekvoyya"));
        assertThat(CompanyNames.key("ООО «Юником»")).isEqualTo(CompanyNames.key("Yunikom LLC"));
        assertThat(CompanyNames.key("Общество с ограниченной ответственностью «Юником»"))
                .isEqualTo(CompanyNames.key("OOO Yunikom"));
        assertThat(CompanyNames.key("Акционерное общество «Секвойя»")).isEqualTo(CompanyNames.key("АО Секвойя"));
        assertThat(CompanyNames.key("PJSC Sequoia")).isEqualTo(key);
    }

    @Test
    void transliterationVariantsFold() {
        assertThat(CompanyNames.key("Уральский завод гражданской авиации"))
                .isEqualTo(CompanyNames.key("Uralskiy Zavod Grazhdanskoy Aviatsii"))
                .isEqualTo(CompanyNames.key("Uralskij zavod grazhdanskoj aviacii"))
                .isEqualTo(CompanyNames.key("URALSKII ZAVOD GRAZHDANSKOI AVIATSII"));
        assertThat(CompanyNames.key("Khimprom")).isEqualTo(CompanyNames.key("Himprom"));
        assertThat(CompanyNames.key("Aleksandrov")).isEqualTo(CompanyNames.key("Alexandrov"));
    }

    @Test
    void accentsAndFullWidthFormsAreIgnored() {
        assertThat(CompanyNames.key("Société Générale SA")).isEqualTo(CompanyNames.key("SOCIETE GENERALE"));
        assertThat(CompanyNames.key("ＡＢＣ Ｔｒａｄｉｎｇ")).isEqualTo(CompanyNames.key("ABC Trading"));
    }

    @Test
    void differentCompaniesKeepDifferentKeys() {
        assertThat(CompanyNames.key("Sequoia JSC")).isNotEqualTo(CompanyNames.key("Unikom LLC"));
        assertThat(CompanyNames.key("Alabuga Machinery")).isNotEqualTo(CompanyNames.key("Alabuga Optics"));
        assertThat(CompanyNames.key("Supplier 1 LLC")).isNotEqualTo(CompanyNames.key("Supplier 11 LLC"));
        assertThat(CompanyNames.key("Plant No. 100")).isNotEqualTo(CompanyNames.key("Plant No. 10"));
    }

    @Test
    void aNameThatIsOnlyALegalFormKeepsItsWords() {
        assertThat(CompanyNames.key("Limited Co.")).isEqualTo("limitedco");
    }

    @Test
    void cyrillicIsTransliteratedForDisplayKeepingCapitals() {
        assertThat(Cyrillic.toLatin("ООО «Юником»")).isEqualTo("OOO «Yunikom»");
        assertThat(Cyrillic.toLatin("Уральский завод")).isEqualTo("Uralskiy zavod");
        assertThat(Cyrillic.contains("Unikom")).isFalse();
    }

    @Test
    void spellingsDifferingOnlyInCaseAndSpacingAreOne() {
        assertThat(CompanyNames.spelling(" Unikom   LLC ")).isEqualTo(CompanyNames.spelling("UNIKOM LLC"));
        assertThat(CompanyNames.spelling("Unikom, LLC")).isNotEqualTo(CompanyNames.spelling("Unikom LLC"));
    }
}
