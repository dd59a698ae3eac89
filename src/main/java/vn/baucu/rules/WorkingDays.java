package vn.baucu.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days of public servants with a fixed Saturday–Sunday rest: Monday to Friday, less the
 * official days off (holidays, compensating days, swapped days off), plus the Saturdays worked in
 * exchange. The table is data, one year at a time (Bộ luật Lao động 2019 Điều 112; the Prime Minister's
 * yearly choices published by Bộ LĐTBXH / Bộ Nội vụ); a date in a year the table does not cover is
 * refused rather than guessed.
 */
public final class WorkingDays {

    private static final String RESOURCE = "/vn/baucu/rules/calendar/vn-days-off.csv";
    private static volatile WorkingDays bundled;

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workingSaturdays;
    private final int firstYear;
    private final int lastYear;

    public WorkingDays(Set<LocalDate> daysOff, Set<LocalDate> workingSaturdays, int firstYear, int lastYear) {
        this.daysOff = Set.copyOf(daysOff);
        this.workingSaturdays = Set.copyOf(workingSaturdays);
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The table bundled with baucu (2020–2027, from {@code ../shared/data/holidays/}). */
    public static WorkingDays bundled() {
        if (bundled == null) {
            try (InputStream in = WorkingDays.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("holiday table missing: " + RESOURCE);
                }
                bundled = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundled;
    }

    /** Parses {@code date,kind,name,source} rows; the years covered are those that appear in the file. */
    public static WorkingDays parse(InputStream csv) throws IOException {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> saturdays = new HashSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                LocalDate date = LocalDate.parse(cells[0].strip());
                first = Math.min(first, date.getYear());
                last = Math.max(last, date.getYear());
                switch (cells[1].strip()) {
                    case "HOLIDAY", "COMPENSATING_DAY_OFF", "SWAPPED_DAY_OFF" -> off.add(date);
                    case "SWAPPED_WORKING_SATURDAY" -> saturdays.add(date);
                    default -> throw new IllegalArgumentException("unknown kind of day off: " + line);
                }
            }
        }
        return new WorkingDays(off, saturdays, first, last);
    }

    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }

    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        if (workingSaturdays.contains(date)) {
            return true;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !daysOff.contains(date);
    }

    /** The {@code n}-th working day after {@code from} (before it, for negative {@code n}); {@code from} itself is not counted. */
    public LocalDate plus(LocalDate from, int n) {
        int step = n >= 0 ? 1 : -1;
        LocalDate day = from;
        for (int counted = 0; counted < Math.abs(n); ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new FiguresRejected(false, java.util.List.of(Finding.error("C-102", "electionDay",
                    "calendar.holiday-table-missing", date.getYear(), firstYear, lastYear)));
        }
    }
}
