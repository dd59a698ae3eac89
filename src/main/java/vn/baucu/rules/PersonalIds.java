package vn.baucu.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The 12-digit personal identification number (số định danh cá nhân, CCCD): digits 1–3 the province
 * where the birth was registered (001–096), digit 4 the century and sex (0/1 = man/woman born
 * 1900–1999, 2/3 = 2000–2099, and so on by century), digits 5–6 the last two digits of the birth year,
 * then six random digits (Nghị định 137/2015/NĐ-CP, Điều 7; contracts/voter-list-format.md).
 */
public final class PersonalIds {

    private PersonalIds() {
    }

    public static boolean wellFormed(String id) {
        if (id == null || !id.matches("\\d{12}")) {
            return false;
        }
        int province = Integer.parseInt(id.substring(0, 3));
        return province >= 1 && province <= 96;
    }

    /** Why the id disagrees with the birth year and sex, or empty when they agree. */
    public static Optional<String> mismatch(String id, LocalDate birthDate, char sex) {
        int code = id.charAt(3) - '0';
        int century = 1900 + (code / 2) * 100;
        boolean woman = code % 2 == 1;
        int year = century + Integer.parseInt(id.substring(4, 6));
        if (birthDate != null && year != birthDate.getYear()) {
            return Optional.of("year");
        }
        if ((sex == 'F') != woman) {
            return Optional.of("sex");
        }
        return Optional.empty();
    }
}
