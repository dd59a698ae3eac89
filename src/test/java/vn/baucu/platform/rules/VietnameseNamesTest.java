package vn.baucu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseNamesTest {

    @ParameterizedTest(name = "{0} and {1} match")
    @CsvSource({
        "Hòa, Hoà",
        "Thủy, Thuỷ",
        "Xã Hòa Bình, xã hoà bình",
        "Phường  Móng Cái 2, Phường Móng Cái 2",
        "Khánh Hòa, KHÁNH HOÀ",
        "Quỳnh, Quỳnh",
    })
    void matchKeyIgnoresTonePlacementCaseAndSpacing(String a, String b) {
        assertThat(VietnameseNames.matchKey(a)).isEqualTo(VietnameseNames.matchKey(b));
    }

    @ParameterizedTest(name = "{0} and {1} differ")
    @CsvSource({
        "Hòa, Hóa",
        "Ba Chẽ, Ba Chế",
        "Đồng, Dong",
    })
    void matchKeyKeepsTheToneAndLetters(String a, String b) {
        assertThat(VietnameseNames.matchKey(a)).isNotEqualTo(VietnameseNames.matchKey(b));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Móng Cái, mong cai",
        "Thành phố Hạ Long, thanh pho ha long",
        "Đặc khu Cô Tô, dac khu co to",
        "Ưng Hòa, ung hoa",
    })
    void searchKeyDropsEveryDiacritic(String name, String key) {
        assertThat(VietnameseNames.searchKey(name)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"Nguyễn Văn Ánh", "Thuỷ", "Đặng Thị Hương"})
    void cleanTurnsDecomposedTextIntoNfc(String name) {
        String nfd = Normalizer.normalize(name, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(name);
        assertThat(VietnameseNames.clean("  " + nfd + " ")).isEqualTo(name);
    }
}
