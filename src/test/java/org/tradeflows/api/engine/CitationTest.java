package org.tradeflows.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.ReleaseKind;
import org.tradeflows.model.SourceKind;

/** The citation formats on their own: BibTeX that a LaTeX run accepts, and the Accept header read by preference. */
class CitationTest {

    private static final SourceType SOURCE = new SourceType("U291cmNlOjE", "cepii-baci", "BACI {HS22} 100% & more_", "CEPII",
            "https://www.cepii.fr/", LocalDate.of(2025, 1, 15), SourceKind.OFFICIAL_STATISTICS, "Etalab 2.0",
            "Gaulier & Zignago (2010), CEPII WP 2010-23", null);
    private static final DataReleaseRecord RELEASE = new DataReleaseRecord(7, "fetch-cepii-baci-202501", "202501",
            ReleaseKind.FETCH, false, OffsetDateTime.of(2025, 2, 1, 10, 0, 0, 0, ZoneOffset.UTC), "ab", "{}", null, 1L,
            new DataReleaseRecord.Provenance("CEPII", "202501", "https://www.cepii.fr/x.zip", "Etalab 2.0",
                    "Gaulier, G. and Zignago, S. (2010) BACI", OffsetDateTime.of(2025, 2, 1, 9, 0, 0, 0, ZoneOffset.UTC), ""));

    private static Citation citation() {
        return new Citation("Fact box: 50% of {chips}", "a".repeat(64), "http://x/q/" + "a".repeat(64) + "?asOf=7",
                LocalDate.of(2026, 12, 1), RELEASE, true, 42, null, List.of(SOURCE), List.of(RELEASE));
    }

    @Test
    void bibtexEscapesLatexAndBalancesBraces() {
        String bib = citation().bibtex();
        assertThat(bib).startsWith("@misc{tradeflows-aaaaaaaaaaaa-fetch-cepii-baci-202501,\n");
        assertThat(bib).contains("title = {{Fact box: 50\\% of \\{chips\\}}}");
        assertThat(bib).contains("title = {{BACI \\{HS22\\} 100\\% \\& more\\_}}");
        assertThat(bib).contains("year = {2025}").contains("urldate = {2026-12-01}").contains("version = {202501}");
        String unescaped = bib.replace("\\{", "").replace("\\}", "");
        assertThat(unescaped.chars().filter(c -> c == '{').count()).isEqualTo(unescaped.chars().filter(c -> c == '}').count());
        assertThat(bib.split("@misc\\{", -1)).hasSize(4); // the answer, the source, the fetched release
    }

    @Test
    void textAndCslNameTheReleaseTheSourcesAndTheLink() {
        Citation c = citation();
        assertThat(c.text()).contains("data release fetch-cepii-baci-202501 (2025-02-01)").contains(c.permalink())
                .contains("Gaulier & Zignago (2010)").contains("(CEPII, version 202501)");
        List<java.util.Map<String, Object>> csl = c.csl();
        assertThat(csl.get(0)).containsEntry("type", "dataset").containsEntry("URL", c.permalink())
                .containsEntry("version", "fetch-cepii-baci-202501");
        assertThat(csl).extracting(m -> m.get("id")).containsExactly("tradeflows-aaaaaaaaaaaa-fetch-cepii-baci-202501",
                "source-cepii-baci", "release-fetch-cepii-baci-202501");
    }

    @Test
    void acceptIsReadByPreference() {
        assertThat(PermalinkHandler.acceptedTypes("text/html, application/x-bibtex;q=0.9, */*;q=0.1"))
                .containsExactly("text/html", "application/x-bibtex", "*/*");
        assertThat(PermalinkHandler.acceptedTypes("application/json;q=0.5, text/plain")).containsExactly("text/plain",
                "application/json");
        assertThat(PermalinkHandler.acceptedTypes("text/plain;q=0, application/json")).containsExactly("application/json");
    }
}
