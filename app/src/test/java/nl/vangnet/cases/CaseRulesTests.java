package nl.vangnet.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fast checks of the case rules that need no database: status flow, urgency, CSV reading and CSV cells. */
class CaseRulesTests {

    @Test
    void statusesMoveOnlyForwardExceptThatAClosedCaseCanBeReopened() {
        assertThat(CaseStatus.NEW.next()).contains(CaseStatus.TRIAGED).doesNotContain(CaseStatus.NEW);
        assertThat(CaseStatus.IN_PROGRESS.next()).doesNotContain(CaseStatus.NEW, CaseStatus.TRIAGED);
        assertThat(CaseStatus.CLOSED.next()).containsExactly(CaseStatus.IN_PROGRESS);
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(s.next()).doesNotContain(s);
        }
    }

    @Test
    void urgencyWeighsAnOngoingThreatAboveBeingAMinorOrImagesSpreading() {
        assertThat(CaseFiles.urgency(true, false, false)).isGreaterThan(CaseFiles.urgency(false, true, false));
        assertThat(CaseFiles.urgency(false, true, true)).isEqualTo(4);
        assertThat(CaseFiles.urgency(true, true, true)).isEqualTo(8);
        assertThat(CaseFiles.urgency(false, false, false)).isZero();
    }

    @Test
    void theCsvReaderHandlesQuotesSemicolonsAndLineEndings() {
        List<List<String>> rows = LegacyImport.Csv.parse("a;b;c\r\n1;\"x;y\";\"he said \"\"hi\"\"\"\n2;;\n");
        assertThat(rows)
                .containsExactly(List.of("a", "b", "c"), List.of("1", "x;y", "he said \"hi\""), List.of("2", "", ""));
        assertThat(LegacyImport.Csv.parse("a,b\n\"multi\nline\",2"))
                .containsExactly(List.of("a", "b"), List.of("multi\nline", "2"));
    }

    @Test
    void onlyUtf8IsAcceptedAndAByteOrderMarkIsDropped() throws CharacterCodingException {
        assertThat(LegacyImport.decodeUtf8("\uFEFFé".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("é");
        assertThatThrownBy(() -> LegacyImport.decodeUtf8("é".getBytes(Charset.forName("windows-1252"))))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void utf16FilesAreRecognisedWithOrWithoutAByteOrderMark() {
        String csv = "reference,registered_on,category\nOUD-1,2024-01-01,wraakporno\n";
        assertThat(LegacyImport.looksLikeUtf16(csv.getBytes(StandardCharsets.UTF_16LE)))
                .isTrue();
        assertThat(LegacyImport.looksLikeUtf16(csv.getBytes(StandardCharsets.UTF_16BE)))
                .isTrue();
        // Java's UTF-16 encoder writes a big-endian byte-order mark.
        assertThat(LegacyImport.looksLikeUtf16(csv.getBytes(StandardCharsets.UTF_16)))
                .isTrue();
        assertThat(LegacyImport.looksLikeUtf16(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE)))
                .isTrue();
        assertThat(LegacyImport.looksLikeUtf16(("\uFEFF" + csv + "é").getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(LegacyImport.looksLikeUtf16(new byte[0])).isFalse();
    }

    @Test
    void researchCellsAreQuotedAndCannotStartAFormula() {
        assertThat(ResearchExport.cell("IBA-DIS")).isEqualTo("IBA-DIS");
        assertThat(ResearchExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResearchExport.cell("=HYPERLINK(1)")).startsWith("'=");
        assertThat(ResearchExport.cell("-3")).isEqualTo("-3");
    }

    @Test
    void freeTextIsCheckedForLengthAndControlCharacters() {
        List<CaseProblem.Item> problems = new java.util.ArrayList<>();
        assertThat(CaseManagement.text("  tekst \n met regels ", "note", 100, problems))
                .isEqualTo("tekst \n met regels");
        assertThat(CaseManagement.text("x".repeat(101), "note", 100, problems)).isNotNull();
        CaseManagement.text("bel\u0007", "note", 100, problems);
        assertThat(problems)
                .extracting(CaseProblem.Item::code)
                .containsExactly("text-too-long", "text-control-characters");
        assertThat(CaseManagement.text("   ", "note", 100, problems)).isNull();
    }
}
