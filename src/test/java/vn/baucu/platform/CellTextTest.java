package vn.baucu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "=HYPERLINK(1)|'=HYPERLINK(1)",
        "+84 912|'+84 912",
        "-1+1|'-1+1",
        "@SUM(A1)|'@SUM(A1)",
        "Nguyễn Văn An|Nguyễn Văn An",
        "Thôn 3 = Khu 3|Thôn 3 = Khu 3"})
    void aCellThatASpreadsheetWouldRunIsWrittenLiterally(String value, String written) {
        assertThat(CellText.neutral(value)).isEqualTo(written);
    }

    @org.junit.jupiter.api.Test
    void aCsvFieldIsNeutralisedThenQuoted() {
        assertThat(CellText.csv("=1+1")).isEqualTo("'=1+1");
        assertThat(CellText.csv("Thôn 1, xã A")).isEqualTo("\"Thôn 1, xã A\"");
        assertThat(CellText.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CellText.csv(null)).isEmpty();
    }
}
