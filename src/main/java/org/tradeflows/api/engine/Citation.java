package org.tradeflows.api.engine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.model.DataReleaseRecord;

/**
 * How to cite a permalink's answer: the query's title, the data release it was read as of, every source and fetched
 * release the answer names (with the citation each publisher asks for), the day it was retrieved and the permalink.
 * The same facts as the answer's {@code extensions.cite}, as plain text, BibTeX and CSL-JSON.
 *
 * @param release the release the answer stands for (the asOf, or the newest one); null before any load
 * @param pinned whether the answer was read as of that release (it never changes) rather than from the latest data
 * @param note what a reader must know when the answer is not pinned; null when it is
 */
record Citation(String title, String hash, String permalink, LocalDate retrieved, DataReleaseRecord release, boolean pinned,
        long dataVersion, String note, List<SourceType> sources, List<DataReleaseRecord> releases) {

    static final String PUBLISHER = "Tradeflows";

    /** The block in the answer's extensions. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("publisher", PUBLISHER);
        m.put("release", release == null ? null : releaseMap(release));
        m.put("pinned", pinned);
        m.put("dataVersion", dataVersion);
        if (note != null) {
            m.put("note", note);
        }
        List<Map<String, Object>> s = new ArrayList<>();
        for (SourceType source : sources) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", source.key());
            e.put("title", source.title());
            e.put("publisher", source.publisher());
            e.put("url", source.url());
            e.put("licence", source.licence());
            e.put("citation", source.citation());
            s.add(e);
        }
        m.put("sources", s);
        m.put("releases", releases.stream().map(Citation::releaseMap).toList());
        m.put("retrieved", retrieved.toString());
        m.put("permalink", permalink);
        m.put("text", text());
        return m;
    }

    private static Map<String, Object> releaseMap(DataReleaseRecord r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", r.key());
        e.put("releasedAt", r.releasedAt() == null ? null : r.releasedAt().toString());
        DataReleaseRecord.Provenance p = r.provenance();
        if (p != null) {
            e.put("publisher", p.publisher());
            e.put("upstreamVersion", p.upstreamVersion());
            e.put("url", p.url());
            e.put("licence", p.licence());
            e.put("citation", p.citation());
            e.put("retrievedAt", p.retrievedAt() == null ? null : p.retrievedAt().toString());
        }
        return e;
    }

    /** One paragraph for the query, then one line per source and per fetched release. */
    String text() {
        StringBuilder t = new StringBuilder();
        t.append(title).append(". ").append(PUBLISHER);
        if (release != null) {
            t.append(", data release ").append(release.key());
            if (release.releasedAt() != null) {
                t.append(" (").append(release.releasedAt().toLocalDate()).append(")");
            }
        }
        t.append(". ").append(permalink).append(" (retrieved ").append(retrieved).append(").");
        if (note != null) {
            t.append(' ').append(note);
        }
        t.append('\n');
        if (!sources.isEmpty() || !releases.isEmpty()) {
            t.append("Sources:\n");
        }
        for (SourceType s : sources) {
            t.append("- ").append(s.citation());
            if (s.url() != null && !s.citation().contains(s.url())) {
                t.append(' ').append(s.url());
            }
            if (s.licence() != null) {
                t.append(" Licence: ").append(s.licence()).append('.');
            }
            t.append('\n');
        }
        for (DataReleaseRecord r : releases) {
            DataReleaseRecord.Provenance p = r.provenance();
            if (p != null && p.citation() != null) {
                t.append("- ").append(p.citation());
                if (p.publisher() != null) {
                    t.append(" (").append(p.publisher()).append(p.upstreamVersion() == null ? "" : ", version " + p.upstreamVersion())
                            .append(')');
                }
                if (p.licence() != null) {
                    t.append(" Licence: ").append(p.licence()).append('.');
                }
                t.append('\n');
            }
        }
        return t.toString();
    }

    /** A @misc entry for the query's answer, then one for each source and fetched release it names. */
    String bibtex() {
        StringBuilder b = new StringBuilder();
        String year = String.valueOf((release != null && release.releasedAt() != null ? release.releasedAt().toLocalDate()
                : retrieved).getYear());
        b.append("@misc{").append(bibKey("tradeflows-" + hash.substring(0, 12) + (release == null ? "" : "-" + release.key())))
                .append(",\n");
        field(b, "title", "{" + bibEscape(title) + "}");
        field(b, "author", "{" + PUBLISHER + "}");
        field(b, "year", year);
        if (release != null) {
            field(b, "version", bibEscape(release.key()));
        }
        field(b, "howpublished", "\\url{" + permalink + "}");
        field(b, "url", permalink);
        field(b, "urldate", retrieved.toString());
        StringBuilder note = new StringBuilder(release == null ? "" : "Data release " + release.key() + ". ");
        if (this.note != null) {
            note.append(this.note).append(' ');
        }
        note.append("Query SHA-256 ").append(hash).append('.');
        field(b, "note", bibEscape(note.toString().trim()));
        b.setLength(b.length() - 2);
        b.append("\n}\n");
        for (SourceType s : sources) {
            b.append("\n@misc{").append(bibKey("source-" + s.key())).append(",\n");
            field(b, "title", "{" + bibEscape(s.title()) + "}");
            if (s.publisher() != null) {
                field(b, "author", "{" + bibEscape(s.publisher()) + "}");
            }
            if (s.publishedOn() != null) {
                field(b, "year", String.valueOf(s.publishedOn().getYear()));
            }
            if (s.url() != null) {
                field(b, "url", s.url());
            }
            field(b, "note", bibEscape(s.citation() + (s.licence() == null ? "" : " Licence: " + s.licence() + ".")));
            b.setLength(b.length() - 2);
            b.append("\n}\n");
        }
        for (DataReleaseRecord r : releases) {
            DataReleaseRecord.Provenance p = r.provenance();
            if (p == null || p.citation() == null) {
                continue;
            }
            b.append("\n@misc{").append(bibKey("release-" + r.key())).append(",\n");
            field(b, "title", "{" + bibEscape(p.citation()) + "}");
            if (p.publisher() != null) {
                field(b, "author", "{" + bibEscape(p.publisher()) + "}");
            }
            if (p.upstreamVersion() != null) {
                field(b, "version", bibEscape(p.upstreamVersion()));
            }
            if (p.url() != null) {
                field(b, "url", p.url());
            }
            if (p.retrievedAt() != null) {
                field(b, "urldate", p.retrievedAt().toLocalDate().toString());
            }
            if (p.licence() != null) {
                field(b, "note", bibEscape("Licence: " + p.licence()));
            }
            b.setLength(b.length() - 2);
            b.append("\n}\n");
        }
        return b.toString();
    }

    /** CSL-JSON: an array of items, the query's answer first (type dataset), then its sources. */
    List<Map<String, Object>> csl() {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> main = new LinkedHashMap<>();
        main.put("id", "tradeflows-" + hash.substring(0, 12) + (release == null ? "" : "-" + release.key()));
        main.put("type", "dataset");
        main.put("title", title);
        main.put("publisher", PUBLISHER);
        main.put("author", List.of(Map.of("literal", PUBLISHER)));
        if (release != null) {
            main.put("version", release.key());
            if (release.releasedAt() != null) {
                main.put("issued", dateParts(release.releasedAt().toLocalDate()));
            }
        }
        main.put("URL", permalink);
        main.put("accessed", dateParts(retrieved));
        if (note != null) {
            main.put("note", note);
        }
        items.add(main);
        for (SourceType s : sources) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "source-" + s.key());
            item.put("type", "dataset");
            item.put("title", s.title());
            if (s.publisher() != null) {
                item.put("publisher", s.publisher());
                item.put("author", List.of(Map.of("literal", s.publisher())));
            }
            if (s.publishedOn() != null) {
                item.put("issued", dateParts(s.publishedOn()));
            }
            if (s.url() != null) {
                item.put("URL", s.url());
            }
            item.put("note", s.citation() + (s.licence() == null ? "" : " Licence: " + s.licence() + "."));
            items.add(item);
        }
        for (DataReleaseRecord r : releases) {
            DataReleaseRecord.Provenance p = r.provenance();
            if (p == null || p.citation() == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "release-" + r.key());
            item.put("type", "dataset");
            item.put("title", p.citation());
            if (p.publisher() != null) {
                item.put("publisher", p.publisher());
                item.put("author", List.of(Map.of("literal", p.publisher())));
            }
            if (p.upstreamVersion() != null) {
                item.put("version", p.upstreamVersion());
            }
            if (p.url() != null) {
                item.put("URL", p.url());
            }
            OffsetDateTime at = p.retrievedAt();
            if (at != null) {
                item.put("accessed", dateParts(at.toLocalDate()));
            }
            if (p.licence() != null) {
                item.put("note", "Licence: " + p.licence());
            }
            items.add(item);
        }
        return items;
    }

    private static Map<String, Object> dateParts(LocalDate d) {
        return Map.of("date-parts", List.of(List.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth())));
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** A citation key of letters, digits and the few marks BibTeX allows in one. */
    static String bibKey(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9:._-]+", "-");
    }

    /** Text safe inside a braced BibTeX field: braces balanced away and LaTeX's special characters escaped. */
    static String bibEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
