package vn.baucu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.baucu.platform.LegacyVietnamese.Encoding;

class LegacyVietnameseTest {

    @ParameterizedTest(name = "TCVN3 {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "NguyÔn V¨n An|Nguyễn Văn An",
            "§Æng ThÞ Hoa|Đặng Thị Hoa",
            "Hå ChÝ Minh|Hồ Chí Minh",
            "Qu¶ng Ninh|Quảng Ninh",
            "M\u00ADêng Kh\u00AD¬ng|Mường Khương",
            "Hä vµ tªn|Họ và tên",
            "Giíi tÝnh|Giới tính",
            "Sè ®Þnh danh c¸ nh©n|Số định danh cá nhân",
            "N÷|Nữ",
            "NGUYÔN V¡N AN|NGUYỄN VĂN AN"})
    void tcvn3IsConverted(String legacy, String unicode) {
        assertThat(LegacyVietnamese.convert(legacy, Encoding.TCVN3)).isEqualTo(unicode);
        assertThat(LegacyVietnamese.detect(legacy, false)).isEqualTo(Encoding.TCVN3);
    }

    @ParameterizedTest(name = "VNI {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Nguyeãn Vaên An|Nguyễn Văn An",
            "Ñaëng Thò Hoa|Đặng Thị Hoa",
            "Quaûng Ninh|Quảng Ninh",
            "Höông Traø|Hương Trà",
            "Hoï vaø teân|Họ và tên",
            "Nöõ|Nữ",
            "Tuaán Khanh|Tuấn Khanh",
            "NGUYEÃN VAÊN AN|NGUYỄN VĂN AN"})
    void vniIsConverted(String legacy, String unicode) {
        assertThat(LegacyVietnamese.convert(legacy, Encoding.VNI)).isEqualTo(unicode);
        assertThat(LegacyVietnamese.detect(legacy, false)).isEqualTo(Encoding.VNI);
    }

    @Test
    void vniTextThatIsAlsoValidUnicodeStaysUnicode() {
        // "Hoà Chí Minh" is both VNI for "Hồ Chí Minh" and good Unicode: the text as it is wins a tie.
        assertThat(LegacyVietnamese.convert("Hoà Chí Minh", Encoding.VNI)).isEqualTo("Hồ Chí Minh");
        assertThat(LegacyVietnamese.detect("Hoà Chí Minh", false)).isEqualTo(Encoding.UNICODE);
    }

    @Test
    void tcvn3CoversEveryLowercaseVietnameseLetter() {
        StringBuilder codes = new StringBuilder();
        for (char c = 0xA1; c <= 0xFE; c++) {
            codes.append(c);
        }
        Set<String> converted = LegacyVietnamese.convert(codes.toString(), Encoding.TCVN3).codePoints()
                .filter(c -> c > 127 && Character.isLowerCase(c)).mapToObj(Character::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>();
        for (String vowel : new String[] {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"}) {
            if (vowel.charAt(0) > 127) {
                expected.add(vowel);
            }
            for (char tone : new char[] {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}) {
                expected.add(Normalizer.normalize(vowel + tone, Normalizer.Form.NFC));
            }
        }
        expected.add("đ");
        assertThat(expected).hasSize(67);
        assertThat(converted).containsAll(expected);
    }

    @Test
    void unicodeTextIsNeverReadAsLegacy() {
        String text = "Nguyễn Văn An, Lê Thị Tám, Hồ Chí Minh, Hà Nội, Đặng Thuỳ Dương, Trần Quốc Toản";
        assertThat(LegacyVietnamese.detect(text, false)).isEqualTo(Encoding.UNICODE);
        assertThat(LegacyVietnamese.detect("Hà Nội Có Tám", false)).isEqualTo(Encoding.UNICODE);
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        assertThat(LegacyVietnamese.convert(nfd, Encoding.UNICODE)).isEqualTo(text);
    }

    @Test
    void windows1258BytesAreDetectedAmongTheLegacyReadings() {
        Charset cp1258 = Charset.forName("windows-1258");
        // As old Windows software wrote it: precomposed hats and horns, tones as combining marks.
        String cp1258Form = "Nguyê\u0303n Thi\u0323 Hoa\u0300, Đă\u0323ng Văn Tuâ\u0301n";
        String composed = "Nguyễn Thị Hoà, Đặng Văn Tuấn";
        byte[] bytes = cp1258Form.getBytes(cp1258);
        assertThat(new String(bytes, cp1258)).doesNotContain("?");
        String oneToOne = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(LegacyVietnamese.detect(oneToOne, true)).isEqualTo(Encoding.WINDOWS_1258);
        assertThat(LegacyVietnamese.convert(oneToOne, Encoding.WINDOWS_1258)).isEqualTo(composed);
    }

    @Test
    void syllablesFollowVietnameseSpelling() {
        assertThat(LegacyVietnamese.isSyllable("Nguyễn")).isTrue();
        assertThat(LegacyVietnamese.isSyllable("quyền")).isTrue();
        assertThat(LegacyVietnamese.isSyllable("giữa")).isTrue();
        assertThat(LegacyVietnamese.isSyllable("Nguyờịn")).isFalse();   // two tones
        assertThat(LegacyVietnamese.isSyllable("Vaờn")).isFalse();      // no such vowel cluster
        assertThat(LegacyVietnamese.isSyllable("V¨n")).isFalse();
    }
}
