package vn.baucu.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Birth dates as voter lists write them: {@code dd/MM/yyyy}, {@code d/M/yyyy}, {@code yyyy-MM-dd}, or
 * only {@code MM/yyyy} or {@code yyyy} when the day or month is unknown. An unknown day or month counts
 * as the 1st for the age check, as the law says (Luật 85/2015/QH13, Điều 2; HĐBCQG guidance); an unknown
 * month is reported as a warning.
 */
public final class BirthDates {

    public enum Precision { DAY, MONTH, YEAR }

    public record Parsed(LocalDate date, Precision precision) {
    }

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MY = Pattern.compile("(\\d{1,2})[/.-](\\d{4})");
    private static final Pattern Y = Pattern.compile("(\\d{4})");

    private BirthDates() {
    }

    public static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            Matcher m;
            if ((m = ISO.matcher(s)).matches()) {
                return Optional.of(new Parsed(LocalDate.of(i(m, 1), i(m, 2), i(m, 3)), Precision.DAY));
            }
            if ((m = DMY.matcher(s)).matches()) {
                return Optional.of(new Parsed(LocalDate.of(i(m, 3), i(m, 2), i(m, 1)), Precision.DAY));
            }
            if ((m = MY.matcher(s)).matches()) {
                return Optional.of(new Parsed(LocalDate.of(i(m, 2), i(m, 1), 1), Precision.MONTH));
            }
            if ((m = Y.matcher(s)).matches()) {
                return Optional.of(new Parsed(LocalDate.of(i(m, 1), 1, 1), Precision.YEAR));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
