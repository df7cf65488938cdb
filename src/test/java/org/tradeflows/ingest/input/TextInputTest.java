package org.tradeflows.ingest.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.tradeflows.ingest.IngestException;

/** The input layer alone: each hostile byte pattern ends in an IngestException that names the problem and line. */
class TextInputTest {

    private static String readAll(byte[] bytes) throws IOException {
        try (TextInput in = TextInput.open(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            Reader r = in.reader();
            char[] buffer = new char[4096];
            int n;
            while ((n = r.read(buffer)) >= 0) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkReadTheSame() throws IOException {
        byte[] plain = utf8("a,b\nЮником,宁波\n");
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(readAll(bom)).isEqualTo(readAll(plain)).isEqualTo("a,b\nЮником,宁波\n");
    }

    @Test
    void gzipIsOpenedAndTheFingerprintIsOfTheFileAsGiven() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(utf8("a,b\n1,2\n"));
        }
        byte[] file = zipped.toByteArray();
        try (TextInput in = TextInput.open(new ByteArrayInputStream(file))) {
            in.reader().read(new char[2]);
            assertThat(in.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        }
    }

    @Test
    void emptyFiles() {
        assertThatThrownBy(() -> readAll(new byte[0])).isInstanceOf(IngestException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> readAll(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))
                .isInstanceOf(IngestException.class).hasMessageContaining("empty");
    }

    @Test
    void invalidUtf8NamesItsLine() {
        byte[] latin1 = "a,b\nok,ok\nSoci\u00e9t\u00e9,x\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(latin1)).isInstanceOf(IngestException.class)
                .hasMessageContaining("Line 3").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void binaryJunkIsRefused() {
        byte[] junk = new byte[5000];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 'x';
        junk[1] = 'y';
        assertThatThrownBy(() -> readAll(junk)).isInstanceOf(IngestException.class)
                .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("binary data"),
                        e -> assertThat(e).hasMessageContaining("not valid UTF-8"));
        assertThatThrownBy(() -> readAll(utf8("a,b\n1\u00002\n"))).isInstanceOf(IngestException.class)
                .hasMessageContaining("Line 2 contains binary data (control byte 0x00)");
    }

    @Test
    void archivesPdfAndUtf16SayWhatTheyAre() {
        assertThatThrownBy(() -> readAll(new byte[] {'P', 'K', 3, 4, 0, 0})).hasMessageContaining("ZIP archive");
        assertThatThrownBy(() -> readAll(utf8("%PDF-1.7\n"))).hasMessageContaining("PDF");
        assertThatThrownBy(() -> readAll("a,b".getBytes(StandardCharsets.UTF_16LE.newEncoder().charset())))
                .isInstanceOf(IngestException.class);
        byte[] utf16 = "\uFEFFa,b\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> readAll(utf16)).hasMessageContaining("UTF-16");
    }

    @Test
    void aSingleTenMegabyteLineIsRefusedWithoutReadingItWhole() {
        byte[] line = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(line, (byte) 'a');
        assertThatThrownBy(() -> readAll(line)).isInstanceOf(IngestException.class)
                .hasMessageContaining("Line 1 is longer than 1048576 characters");
    }

    @Test
    void aTruncatedGzipFileIsNamed() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(utf8("a,b\n1,2\n".repeat(1000)));
        }
        byte[] cut = java.util.Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2);
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(IngestException.class).hasMessageContaining("truncated");
    }

    private static CsvTable table(String text, Set<String> required, Set<String> known) throws IOException {
        TextInput in = TextInput.open(new ByteArrayInputStream(utf8(text)), new char[] {','});
        return CsvTable.open(in.reader(), "test CSV", new char[] {','}, required, known);
    }

    @Test
    void headerProblems() {
        assertThatThrownBy(() -> table("a;b;c\n1;2;3\n", Set.of("a", "b"), null))
                .hasMessageContaining("separated by semicolons").hasMessageContaining("commas");
        assertThatThrownBy(() -> table("a,a\n1,2\n", Set.of("a"), null)).hasMessageContaining("twice");
        assertThatThrownBy(() -> table("a,c\n1,2\n", Set.of("a", "b"), null)).hasMessageContaining("lacks the required column b");
        assertThatThrownBy(() -> table("a,b,zz\n1,2,3\n", Set.of("a", "b"), Set.of("a", "b")))
                .hasMessageContaining("unknown column zz");
        assertThatThrownBy(() -> table("\n\n", Set.of("a"), null)).hasMessageContaining("no header");
    }

    @Test
    void recordsKnowTheirLinesAndQuotingProblemsStopTheFile() throws IOException {
        CsvTable t = table("a,b\n1,2\n\"multi\nline\",3\n4,5\n", Set.of("a", "b"), null);
        assertThat(t.next()).isTrue();
        assertThat(t.line()).isEqualTo(2);
        assertThat(t.next()).isTrue();
        assertThat(t.line()).isEqualTo(3);
        assertThat(t.get("a")).isEqualTo("multi\nline");
        assertThat(t.next()).isTrue();
        assertThat(t.line()).isEqualTo(5);
        assertThat(t.next()).isFalse();

        CsvTable open = table("a,b\n1,2\n\"never closed,3\n4,5\n", Set.of("a", "b"), null);
        open.next();
        assertThatThrownBy(open::next).isInstanceOf(IngestException.class).hasMessageContaining("never closed")
                .hasMessageContaining("line 3");

        CsvTable stray = table("a,b\n\"x\"y,2\n", Set.of("a", "b"), null);
        assertThatThrownBy(stray::next).isInstanceOf(IngestException.class).hasMessageContaining("double quote");
    }

    @Test
    void aQuoteNeverClosedStopsAtTheRecordLimitInsteadOfFillingMemory() throws IOException {
        String rows = "x,1\n".repeat(400_000);
        CsvTable t = table("a,b\nok,1\n\"opened,2\n" + rows, Set.of("a", "b"), null);
        assertThat(t.next()).isTrue();
        assertThatThrownBy(t::next).isInstanceOf(IngestException.class)
                .hasMessageContaining("The record that starts on line 3 runs on for more than 1048576 characters");
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsJustACharacter() throws IOException {
        String rows = "pipe 5\" wide,1\n" + "x,1\n".repeat(300_000);
        CsvTable t = table("a,b\n" + rows, Set.of("a", "b"), null);
        long n = 0;
        while (t.next()) {
            n++;
        }
        assertThat(n).isEqualTo(300_001);
    }

    @Test
    void windowsLineEndingsAreFine() throws IOException {
        CsvTable t = table("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n", Set.of("a", "b"), null);
        assertThat(t.next()).isTrue();
        assertThat(t.get("b")).isEqualTo("2");
        assertThat(t.next()).isTrue();
        assertThat(t.line()).isEqualTo(3);
        assertThat(t.get("a")).isEqualTo("x\r\ny");
        assertThat(t.next()).isFalse();
    }
}
