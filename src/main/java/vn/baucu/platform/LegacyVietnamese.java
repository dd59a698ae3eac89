package vn.baucu.platform;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text typed in the legacy 8-bit fonts still found in commune spreadsheets — TCVN3 ("ABC", fonts
 * {@code .VnTime}) and VNI Windows ({@code VNI-Times}) — and in code page Windows-1258, recognised and converted
 * to NFC Unicode (contracts/voter-list-format.md: "text in a legacy Vietnamese encoding … detect and convert").
 *
 * <p>Such text reaches us as Latin-1 characters: either the file's bytes read one to one, or the characters
 * Excel stored for a cell typed in a legacy font ("NguyÔn V¨n An" is TCVN3, "Nguyeãn Vaên An" is VNI).
 *
 * <p>Detection works on meaning rather than byte statistics: every candidate reading of a sample is split into
 * words, and the reading in which the most words holding non-ASCII letters are well-formed Vietnamese syllables
 * (a valid initial, vowel nucleus and final, one tone mark at most) wins. The text as it is wins every tie, so
 * correct Unicode is never "converted".
 */
public final class LegacyVietnamese {

    public enum Encoding {
        /** Already Unicode (normalised to NFC only). */
        UNICODE,
        /** Bytes in code page 1258: base letters, tones as combining marks. */
        WINDOWS_1258,
        /** TCVN 5712:1993 VN3, the "ABC" fonts: one code per lowercase letter with its tone. */
        TCVN3,
        /** VNI Windows: a base letter followed by a mark character. */
        VNI
    }

    private static final Charset CP1258 = Charset.forName("windows-1258");

    /** TCVN3 code (as a Latin-1 character) → Unicode letter, indexed by code. Uppercase toned letters share codes. */
    private static final char[] TCVN3 = new char[256];

    static {
        String[][] pairs = {
                {"µ¶·¸¹", "àảãáạ"}, {"¨»¼½¾Æ", "ăằẳẵắặ"}, {"©ÇÈÉÊË", "âầẩẫấậ"}, {"®", "đ"},
                {"ÌÎÏÐÑ", "èẻẽéẹ"}, {"ªÒÓÔÕÖ", "êềểễếệ"}, {"×ØÜÝÞ", "ìỉĩíị"}, {"ßáâãä", "òỏõóọ"},
                {"«åæçèé", "ôồổỗốộ"}, {"¬êëìíî", "ơờởỡớợ"}, {"ïñòóô", "ùủũúụ"}, {"\u00ADõö÷øù", "ưừửữứự"},
                {"úûüýþ", "ỳỷỹýỵ"}, {"¡¢§£¤¥¦", "ĂÂĐÊÔƠƯ"}};
        for (String[] p : pairs) {
            for (int i = 0; i < p[0].length(); i++) {
                TCVN3[p[0].charAt(i)] = p[1].charAt(i);
            }
        }
    }

    /** VNI characters that stand alone for a letter. */
    private static final String VNI_SINGLE = "ñÑôÔöÖæÆóÓòÒîÎ";
    private static final String VNI_SINGLE_UNICODE = "đĐơƠưƯỉỈĩĨịỊỵỴ";

    private static final char GRAVE = '\u0300';
    private static final char ACUTE = '\u0301';
    private static final char TILDE = '\u0303';
    private static final char HOOK = '\u0309';
    private static final char DOT = '\u0323';
    private static final char CIRCUMFLEX = '\u0302';
    private static final char BREVE = '\u0306';

    /** VNI mark characters (either case) → the combining marks they add to the letter before them. */
    private static String vniMarks(char c) {
        return switch (Character.toLowerCase(c)) {
            case 'ù' -> "" + ACUTE;
            case 'ø' -> "" + GRAVE;
            case 'û' -> "" + HOOK;
            case 'õ' -> "" + TILDE;
            case 'ï' -> "" + DOT;
            case 'â' -> "" + CIRCUMFLEX;
            case 'á' -> "" + CIRCUMFLEX + ACUTE;
            case 'à' -> "" + CIRCUMFLEX + GRAVE;
            case 'å' -> "" + CIRCUMFLEX + HOOK;
            case 'ã' -> "" + CIRCUMFLEX + TILDE;
            case 'ä' -> "" + CIRCUMFLEX + DOT;
            case 'ê' -> "" + BREVE;
            case 'é' -> "" + BREVE + ACUTE;
            case 'è' -> "" + BREVE + GRAVE;
            case 'ú' -> "" + BREVE + HOOK;
            case 'ü' -> "" + BREVE + TILDE;
            case 'ë' -> "" + BREVE + DOT;
            default -> null;
        };
    }

    private static final Pattern WORDS = Pattern.compile("[\\s,;.:!?()\\[\\]/\\\\\"'0-9_+=*&%$#@-]+");

    /** Initial, then either a nucleus ending in an off-glide (no final consonant) or one that may take a final. */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
                    + "((iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu)"
                    + "|(uyê|oa|oă|oe|oo|uâ|uê|uy|uô|uơ|ươ|iê|yê|[aăâeêioôơuưy])(ch|ng|nh|[cmnpt])?)");

    private LegacyVietnamese() {
    }

    /**
     * The most plausible reading of {@code sample}. {@code fromBytes} says the sample is a file's bytes read as
     * ISO-8859-1 (one character per byte), where the plain reading is code page 1258; otherwise the sample is
     * already Unicode text and the plain reading is Unicode.
     */
    public static Encoding detect(String sample, boolean fromBytes) {
        Encoding plain = fromBytes ? Encoding.WINDOWS_1258 : Encoding.UNICODE;
        Encoding best = plain;
        int bestScore = score(sample, plain);
        for (Encoding candidate : new Encoding[] {Encoding.TCVN3, Encoding.VNI}) {
            int s = score(sample, candidate);
            if (s > bestScore) {
                best = candidate;
                bestScore = s;
            }
        }
        return best;
    }

    /** The text in NFC Unicode, read in the given encoding (for {@link Encoding#WINDOWS_1258}, one char per byte). */
    public static String convert(String text, Encoding encoding) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String converted = switch (encoding) {
            case UNICODE -> text;
            case WINDOWS_1258 -> fromCp1258(text);
            case TCVN3 -> fromTcvn3(text);
            case VNI -> fromVni(text);
        };
        return Normalizer.isNormalized(converted, Normalizer.Form.NFC) ? converted
                : Normalizer.normalize(converted, Normalizer.Form.NFC);
    }

    /** Well-formed syllables less malformed ones, over the words holding a non-ASCII character. */
    private static int score(String sample, Encoding encoding) {
        int score = 0;
        for (String word : WORDS.split(sample)) {
            if (word.isEmpty() || word.chars().allMatch(c -> c < 128)) {
                continue;
            }
            score += isSyllable(convert(word, encoding)) ? 1 : -1;
        }
        return score;
    }

    /** Whether the word is one well-formed Vietnamese syllable (any case, at most one tone mark). */
    static boolean isSyllable(String word) {
        String nfd = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder bare = new StringBuilder(nfd.length());
        int tones = 0;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (c == GRAVE || c == ACUTE || c == TILDE || c == HOOK || c == DOT) {
                tones++;
            } else {
                bare.append(c);
            }
        }
        return tones <= 1 && SYLLABLE.matcher(Normalizer.normalize(bare, Normalizer.Form.NFC)).matches();
    }

    private static String fromCp1258(String latin1) {
        if (latin1.chars().anyMatch(c -> c > 255)) {
            return latin1;
        }
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), CP1258);
    }

    /**
     * TCVN3 codes only cover lowercase toned letters; the uppercase ones were the same codes shown in a capitals
     * font ({@code .VnTimeH}). Letters are made uppercase when the text's other letters are capitals (two or more,
     * none lowercase), as in "NGUYÔN V¡N AN".
     */
    private static String fromTcvn3(String text) {
        int capitals = 0;
        boolean lower = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && Character.isUpperCase(c)) {
                capitals++;
            } else if (c < 128 && Character.isLowerCase(c)) {
                lower = true;
            }
        }
        boolean upper = capitals >= 2 && !lower;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char mapped = tcvn3(c);
            if (mapped == 0) {
                out.append(c);
            } else {
                out.append(upper ? Character.toUpperCase(mapped) : mapped);
            }
        }
        return out.toString();
    }

    private static char tcvn3(char c) {
        return c < 256 ? TCVN3[c] : 0;
    }

    private static String fromVni(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean baseOpen = false;   // the last letter written may still take a VNI mark
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String marks = vniMarks(c);
            if (marks != null && baseOpen && accepts(out.charAt(out.length() - 1), marks)) {
                out.append(marks);
                baseOpen = false;
                continue;
            }
            int single = VNI_SINGLE.indexOf(c);
            if (single >= 0) {
                char letter = VNI_SINGLE_UNICODE.charAt(single);
                out.append(letter);
                baseOpen = Character.toLowerCase(letter) == 'ơ' || Character.toLowerCase(letter) == 'ư';
                continue;
            }
            out.append(c);
            baseOpen = "aeouyAEOUY".indexOf(c) >= 0;
        }
        return out.toString();
    }

    private static boolean accepts(char base, String marks) {
        char b = Character.toLowerCase(base);
        return switch (marks.charAt(0)) {
            case CIRCUMFLEX -> b == 'a' || b == 'e' || b == 'o';
            case BREVE -> b == 'a';
            default -> true;
        };
    }
}
