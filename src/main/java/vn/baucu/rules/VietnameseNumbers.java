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

    public static OptionalInt parse(String words) {
        if (words == null) {
            return OptionalInt.empty();
        }
        String[] tokens = fold(words).replaceAll("[.,;:]", " ").trim().split("\\s+");
        int total = 0;
        int current = 0;
        boolean any = false;
        for (String t : tokens) {
            if (t.isEmpty()) {
                continue;
            }
            switch (t) {
                case "muoi" -> current = current == 0 ? 10 : current * 10;   // "mười" = 10; "hai mươi" = 20
                case "tram" -> {
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                }
                case "linh", "le", "va" -> { }
                default -> {
                    Integer unit = UNITS.get(t);
                    if (unit == null) {
                        return OptionalInt.empty();
                    }
                    current += unit;
                }
            }
            any = true;
        }
        return any ? OptionalInt.of(total + current) : OptionalInt.empty();
    }

    /** Lower case without diacritics, except that "mốt" is kept apart from "một" only by meaning (both 1). */
    private static String fold(String s) {
        String nfd = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return nfd.replaceAll("\\p{M}+", "").replace('đ', 'd');
    }
}
