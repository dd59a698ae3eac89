package vn.baucu.platform.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How baucu stores and compares Vietnamese names. Pure functions, no Spring.
 *
 * <ul>
 *   <li>{@link #clean}: the stored form — Unicode NFC (PDF fonts and PostgreSQL compare code points, and
 *       NFD text typed with some keyboards renders wrongly), trimmed, inner white space collapsed.</li>
 *   <li>{@link #matchKey}: equal for names that differ only in case or in where the tone mark sits
 *       ("Hòa" / "Hoà", "Thủy" / "Thuỷ"): about 200 GSO names differ only so between official lists.</li>
 *   <li>{@link #searchKey}: no diacritics at all, lower case, đ → d, so "mong cai" finds "Móng Cái".</li>
 * </ul>
 */
public final class VietnameseNames {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DASH = Pattern.compile("\\s*-\\s*");

    private VietnameseNames() {
    }

    public static String clean(String name) {
        if (name == null) {
            return null;
        }
        // fast path (most cells: already NFC, single spaces): the same result without the regex
        String nfc = Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name : Normalizer.normalize(name, Normalizer.Form.NFC);
        String stripped = nfc.replace('\u00A0', ' ').strip();
        return plainSpaces(stripped) ? stripped : SPACES.matcher(stripped).replaceAll(" ");
    }

    /** Whether {@link #SPACES} (ASCII white space) would leave the text as it is: no tab or line break, no two in a row. */
    private static boolean plainSpaces(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || c == ' ' && i + 1 < s.length() && isAsciiSpace(s.charAt(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Case-folded, with each syllable's tone mark moved to the end of the syllable, then NFC; typographic
     * apostrophes and dashes as their plain forms ("Cư M’gar" = "Cư M'gar", "Lâm Viên – Đà Lạt" = "Lâm Viên - Đà Lạt").
     */
    public static String matchKey(String name) {
        String cleaned = clean(name);
        if (cleaned == null) {
            return null;
        }
        String lower = DASH.matcher(cleaned.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2013', '-')
                .replace('\u2014', '-')).replaceAll(" - ").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 4);
        for (String word : lower.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder(nfd.length());
            char tone = 0;
            for (int i = 0; i < nfd.length(); i++) {
                char c = nfd.charAt(i);
                if (isToneMark(c)) {
                    tone = c;
                } else {
                    base.append(c);
                }
            }
            if (tone != 0) {
                base.append(tone);
            }
            out.append(Normalizer.normalize(base, Normalizer.Form.NFC));
        }
        return out.toString();
    }

    public static String searchKey(String name) {
        String cleaned = clean(name);
        if (cleaned == null) {
            return null;
        }
        // fast path: each letter of the Latin ranges Vietnamese uses mapped to its base letter by a table built from
        // NFD itself; anything else takes the general path, with the same result
        StringBuilder fast = new StringBuilder(cleaned.length());
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            char base = c < BASE.length ? BASE[c] : 0;
            if (base == 0) {
                String stripped = MARKS.matcher(Normalizer.normalize(cleaned, Normalizer.Form.NFD)).replaceAll("");
                return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
            }
            if (base != MARK) {
                fast.append(base);
            }
        }
        return fast.toString().toLowerCase(Locale.ROOT);
    }

    private static final char MARK = '\uFFFF';
    /** For each char below U+1F00: its one base letter after NFD without marks (đ → d), MARK for a mark, 0 if other. */
    private static final char[] BASE = new char[0x1F00];

    static {
        for (char c = 0; c < BASE.length; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            String stripped = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("")
                    .replace('đ', 'd').replace('Đ', 'D');
            if (stripped.isEmpty()) {
                BASE[c] = MARK;
            } else if (stripped.length() == 1 && stripped.charAt(0) != MARK) {
                BASE[c] = stripped.charAt(0);
            }
        }
    }

    /** The five Vietnamese tones other than level: grave, acute, tilde, hook above, dot below. */
    private static boolean isToneMark(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }

    /**
     * The order of official lists: by given name (the last word), then family name (the first), then the
     * whole name, each compared with the ICU Vietnamese collation (letters before tones: An, Ánh, Ân).
     */
    public static <T> java.util.Comparator<T> listOrder(java.util.function.Function<T, String> fullName) {
        com.ibm.icu.text.Collator collator = com.ibm.icu.text.Collator.getInstance(new com.ibm.icu.util.ULocale("vi"));
        java.util.function.Function<T, String[]> words = t -> fullName.apply(t).strip().split("\\s+");
        return java.util.Comparator.<T, String>comparing(t -> words.apply(t)[words.apply(t).length - 1], collator::compare)
                .thenComparing(t -> words.apply(t)[0], collator::compare)
                .thenComparing(fullName, collator::compare);
    }
}
