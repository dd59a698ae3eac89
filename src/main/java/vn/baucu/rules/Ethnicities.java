package vn.baucu.rules;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The 54 officially recognised ethnic groups of Vietnam, matched without diacritics, hyphens or spaces. */
public final class Ethnicities {

    public static final List<String> GROUPS = List.of("Kinh", "Tày", "Thái", "Mường", "Khơ-me", "Hoa", "Nùng", "Mông", "Dao",
            "Gia-rai", "Ê-đê", "Ba-na", "Sán Chay", "Chăm", "Cơ-ho", "Xơ-đăng", "Sán Dìu", "Hrê", "Ra-glai", "Mnông", "Thổ",
            "Xtiêng", "Khơ-mú", "Bru-Vân Kiều", "Cơ-tu", "Giáy", "Tà-ôi", "Mạ", "Giẻ-Triêng", "Co", "Chơ-ro", "Xinh-mun",
            "Hà Nhì", "Chu-ru", "Lào", "La Chí", "Kháng", "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn", "Lự", "Ngái", "Chứt",
            "Lô Lô", "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ-măm", "Brâu", "Ơ-đu");

    /** Other names in common use. */
    private static final Map<String, String> ALIASES = Map.of("khmer", "Khơ-me", "hmong", "Mông", "hmông", "Mông",
            "ede", "Ê-đê", "bahnar", "Ba-na", "jarai", "Gia-rai", "cham", "Chăm");

    /** Each group by its key, computed once (the importer asks for every row). */
    private static final Map<String, String> BY_KEY = GROUPS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Ethnicities::key, g -> g, (a, b) -> a));

    /** The answers for the spellings met so far (bounded): folding a name takes a normalisation and two regexes. */
    private static final Map<String, Optional<String>> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private Ethnicities() {
    }

    public static Optional<String> canonical(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> known = SEEN.get(text);
        if (known != null) {
            return known;
        }
        String k = key(text);
        String group = BY_KEY.get(k);
        Optional<String> found = Optional.ofNullable(group != null ? group : ALIASES.get(k));
        if (SEEN.size() < 1_000 && text.length() <= 40) {
            SEEN.put(text, found);   // a list repeats a few spellings ("Kinh") on every row
        }
        return found;
    }

    private static String key(String s) {
        return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replaceAll("[^a-z]", "");
    }
}
