package vn.baucu.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads whole numbers written in Vietnamese words as legal texts write them ("ba", "mười một",
 * "hai mươi mốt", "ba mươi hai", "một trăm linh năm"), from 0 to 999.
 */
public final class VietnameseNumbers {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("khong", 0), Map.entry("mot", 1), Map.entry("mốt", 1), Map.entry("hai", 2), Map.entry("ba", 3),
            Map.entry("bon", 4), Map.entry("tu", 4), Map.entry("nam", 5), Map.entry("lam", 5), Map.entry("sau", 6),
            Map.entry("bay", 7), Map.entry("tam", 8), Map.entry("chin", 9));

    private VietnameseNumbers() {
    }

    /**
     * The number the words say, or empty when they are not a well-formed number from 0 to 999: "[digit trăm] [linh|lẻ
     * digit | mười [unit] | digit mươi [unit] | digit]", where a unit after the tens may be "mốt" (1), "tư" (4) or
     * "lăm" (5). Repeated or misplaced words ("ba ba", "mười mười", "trăm trăm") are refused, not added up.
     */
    public static OptionalInt parse(String words) {
        if (words == null) {
            return OptionalInt.empty();
        }
        String[] tokens = fold(words).replaceAll("[.,;:]", " ").trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty() || tokens.length > 5) {
            return OptionalInt.empty();
        }
        if (tokens.length == 1 && tokens[0].equals("khong")) {
            return OptionalInt.of(0);
        }
        int total = 0;
        int pos = 0;
        if (tokens.length >= 2 && tokens[1].equals("tram")) {
            int hundreds = digit(tokens[0]);
            if (hundreds < 1) {
                return OptionalInt.empty();
            }
            total = hundreds * 100;
            pos = 2;
            if (pos == tokens.length) {
                return OptionalInt.of(total);
            }
            if (tokens[pos].equals("linh") || tokens[pos].equals("le")) {
                int unit = tokens.length == pos + 2 ? digit(tokens[pos + 1]) : -1;
                return unit >= 1 ? OptionalInt.of(total + unit) : OptionalInt.empty();
            }
        }
        int tens;
        if (tokens[pos].equals("muoi")) {
            tens = 10;
            pos++;
        } else if (pos + 1 < tokens.length && tokens[pos + 1].equals("muoi")) {
            int d = digit(tokens[pos]);
            if (d < 2) {
                return OptionalInt.empty();
            }
            tens = d * 10;
            pos += 2;
        } else {
            // a lone digit, only as the whole number ("một trăm năm" is spoken for 150 and read as 105: refused)
            int d = tokens.length == 1 ? digit(tokens[0]) : -1;
            return d >= 1 ? OptionalInt.of(d) : OptionalInt.empty();
        }
        if (pos == tokens.length) {
            return OptionalInt.of(total + tens);
        }
        int unit = pos + 1 == tokens.length ? digit(tokens[pos]) : -1;
        return unit >= 1 ? OptionalInt.of(total + tens + unit) : OptionalInt.empty();
    }

    /** The digit a folded word names (0–9), or -1. */
    private static int digit(String token) {
        Integer unit = UNITS.get(token);
        return unit == null ? -1 : unit;
    }

    /** Lower case without diacritics, except that "mốt" is kept apart from "một" only by meaning (both 1). */
    private static String fold(String s) {
        String nfd = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return nfd.replaceAll("\\p{M}+", "").replace('đ', 'd');
    }
}
