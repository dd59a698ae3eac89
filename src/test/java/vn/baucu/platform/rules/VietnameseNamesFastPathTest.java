package vn.baucu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link VietnameseNames#clean} and {@link VietnameseNames#searchKey} (used for every row of an
 * import) give exactly what the plain definitions give: NFC, strip, collapse ASCII white space; then NFD, drop the
 * marks, đ → d, lower case. 200,000 random strings over Vietnamese letters, marks, white space and other scripts.
 */
class VietnameseNamesFastPathTest {

    static final Pattern SPACES = Pattern.compile("\\s+");
    static final Pattern MARKS = Pattern.compile("\\p{M}+");

    static String cleanByDefinition(String s) {
        return SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC).replace('\u00A0', ' ').strip()).replaceAll(" ");
    }

    static String searchKeyByDefinition(String s) {
        return MARKS.matcher(Normalizer.normalize(cleanByDefinition(s), Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    @Test
    void theFastPathsAgreeWithTheDefinitions() {
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                + "ÀÁẢÃẠỲÝỶỸỴ \t\n\u00A0\u2003\u0300\u0301\u0303\u0309\u0323\u0306\u0302ǅĳﬁ한글Ωωß0123456789-'.";
        SplittableRandom r = new SplittableRandom(2026);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(12);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(VietnameseNames.clean(s)).as("clean(%s)", s).isEqualTo(cleanByDefinition(s));
            assertThat(VietnameseNames.searchKey(s)).as("searchKey(%s)", s).isEqualTo(searchKeyByDefinition(s));
        }
    }
}
