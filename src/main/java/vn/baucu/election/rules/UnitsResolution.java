package vn.baucu.election.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.baucu.rules.Finding;
import vn.baucu.rules.VietnameseNumbers;

/**
 * Reads a resolution that fixes electoral units, such as Nghị quyết 85/NQ-HĐBCQG (15/12/2025): for each
 * province ("26- Tỉnh Quảng Ninh") the number of units and seats in words, then "Đơn vị số N:", the
 * communes it covers ("Gồm các phường: A, B và các xã: C, D." — also "Gồm phường X", "đặc khu Y",
 * names separated by commas or semicolons) and its seats ("Số đại biểu Quốc hội được bầu là ba.").
 * Only the text is read here; names are resolved to communes by the caller.
 */
public final class UnitsResolution {

    public record CommuneRef(String type, String name) {
    }

    public record Unit(int number, int seats, List<CommuneRef> communes, int line) {
    }

    public record Province(String name, int declaredUnits, int declaredSeats, List<Unit> units, int line) {
    }

    public record Parsed(List<Province> provinces, List<Finding> problems) {
    }

    private static final Pattern PROVINCE = Pattern.compile("^\\s*(\\d+)\\s*-\\s*((?:Tỉnh|Thành phố)\\s+.+?)\\s*$");
    private static final Pattern UNIT_COUNT = Pattern.compile("^Số đơn vị bầu cử là (.+?)\\.?\\s*$");
    private static final Pattern SEATS = Pattern.compile("^Số đại biểu Quốc hội được bầu là (.+?)\\.?\\s*$");
    private static final Pattern UNIT = Pattern.compile("^Đơn vị số (\\d+)\\s*:?\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TYPE = Pattern.compile("(?:(?<=^)|(?<=[\\s,;]))(?:và\\s+)?(?:các\\s+)?(phường|xã|đặc khu)\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE);

    private UnitsResolution() {
    }

    public static Parsed parse(String text) {
        List<Province> provinces = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        String name = null;
        int provinceLine = 0;
        int declaredUnits = -1;
        int declaredSeats = -1;
        List<Unit> units = new ArrayList<>();
        Integer unitNumber = null;
        int unitLine = 0;
        List<CommuneRef> communes = null;
        String[] lines = text.replace("\r", "").split("\n");
        for (int i = 0; i < lines.length; i++) {
            // runs of white space as one space: the patterns below then read a line in linear time (a pasted line of
            // 40,000 spaces took 15 s before, and the time grew with the square of its length)
            String line = SPACES.matcher(lines[i]).replaceAll(" ").strip();
            int lineNo = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = PROVINCE.matcher(line)).matches()) {
                if (name != null) {
                    provinces.add(new Province(name, declaredUnits, declaredSeats, units, provinceLine));
                }
                name = m.group(2).strip();
                provinceLine = lineNo;
                declaredUnits = -1;
                declaredSeats = -1;
                units = new ArrayList<>();
                unitNumber = null;
            } else if (name == null) {
                continue; // preamble
            } else if ((m = UNIT_COUNT.matcher(line)).matches()) {
                declaredUnits = number(m.group(1), lineNo, problems);
            } else if ((m = UNIT.matcher(line)).matches()) {
                if (m.group(1).length() > 6) {
                    // a unit number is small; a long run of digits is a typo, not an overflow to fail on
                    problems.add(Finding.error("R-105", "line " + lineNo, "resolution.bad-number", m.group(1), lineNo));
                    unitNumber = -1;
                } else {
                    unitNumber = Integer.valueOf(m.group(1));
                }
                unitLine = lineNo;
                communes = null;
            } else if (line.startsWith("Gồm")) {
                if (unitNumber == null) {
                    problems.add(Finding.error("R-102", "line " + lineNo, "resolution.communes-outside-unit", lineNo));
                    continue;
                }
                communes = communes(line.substring("Gồm".length()), lineNo, problems);
            } else if ((m = SEATS.matcher(line)).matches()) {
                int seats = number(m.group(1), lineNo, problems);
                if (unitNumber == null) {
                    declaredSeats = seats;
                } else {
                    if (communes == null) {
                        problems.add(Finding.error("R-103", "line " + lineNo, "resolution.unit-without-communes",
                                name, unitNumber));
                        communes = List.of();
                    }
                    units.add(new Unit(unitNumber, seats, communes, unitLine));
                    unitNumber = null;
                    communes = null;
                }
            }
        }
        if (name != null) {
            provinces.add(new Province(name, declaredUnits, declaredSeats, units, provinceLine));
        }
        if (provinces.isEmpty()) {
            problems.add(Finding.error("R-101", "file", "resolution.no-province"));
        }
        return new Parsed(provinces, problems);
    }

    /** "các phường: A, B và các xã: C, D." → [(phường, A), (phường, B), (xã, C), (xã, D)]. */
    static List<CommuneRef> communes(String text, int lineNo, List<Finding> problems) {
        String body = text.strip();
        if (body.endsWith(".")) {
            body = body.substring(0, body.length() - 1);
        }
        List<CommuneRef> out = new ArrayList<>();
        Matcher m = TYPE.matcher(body);
        List<int[]> marks = new ArrayList<>();
        List<String> types = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
            types.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        if (marks.isEmpty()) {
            problems.add(Finding.error("R-104", "line " + lineNo, "resolution.no-commune-type", lineNo));
            return out;
        }
        for (int k = 0; k < marks.size(); k++) {
            int end = k + 1 < marks.size() ? marks.get(k + 1)[0] : body.length();
            String names = body.substring(marks.get(k)[1], end).strip();
            names = names.replaceAll("[,;]?\\s*$", "");
            for (String n : names.split("\\s*[,;]\\s*")) {
                String clean = n.strip();
                if (!clean.isEmpty()) {
                    out.add(new CommuneRef(types.get(k), clean));
                }
            }
        }
        return out;
    }

    private static int number(String words, int lineNo, List<Finding> problems) {
        var n = VietnameseNumbers.parse(words);
        if (n.isEmpty()) {
            problems.add(Finding.error("R-105", "line " + lineNo, "resolution.bad-number", words, lineNo));
            return -1;
        }
        return n.getAsInt();
    }
}
