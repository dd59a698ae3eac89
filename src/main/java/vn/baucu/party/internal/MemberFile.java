package vn.baucu.party.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import vn.baucu.party.PartyCells;

/**
 * A cell's members as a CSV file: a header row, then one member per row — full name, birth date (dd/mm/yyyy or
 * yyyy-mm-dd), 12-digit personal id, membership ("Chính thức" / "Dự bị", or FULL / PROBATIONARY; empty: full) and
 * whether exempted from activity ("có", "x", "1"). Comma or semicolon separated, UTF-8 with or without a BOM. What it
 * cannot read is passed on empty, so that {@link PartyCells#addMembers} names the row and the field.
 */
final class MemberFile {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private MemberFile() {
    }

    /** The members read, and the file's line of each (for naming a refused row as the clerk sees it). */
    record Read(List<PartyCells.NewMember> members, List<Long> lines) {
    }

    /**
     * The problems {@link PartyCells#addMembers} found, each naming the file's line rather than the member's place in the
     * list (the header and any blank line come before it).
     */
    static vn.baucu.platform.DomainException onLines(vn.baucu.platform.DomainException e, List<Long> lines) {
        if (e.violations().isEmpty()) {
            return e;
        }
        List<vn.baucu.platform.Violation> out = new ArrayList<>();
        for (vn.baucu.platform.Violation v : e.violations()) {
            var m = v.field() == null ? null : java.util.regex.Pattern.compile("^members\\[(\\d+)]").matcher(v.field());
            if (m == null || !m.find() || Integer.parseInt(m.group(1)) >= lines.size()) {
                out.add(v);
                continue;
            }
            int line = Math.toIntExact(lines.get(Integer.parseInt(m.group(1))));
            List<Object> args = new ArrayList<>(v.args());
            if (!args.isEmpty()) {
                args.set(0, line);
            }
            out.add(new vn.baucu.platform.Violation(v.code(), v.field(), line, v.messageKey(), args));
        }
        return vn.baucu.platform.DomainException.violations(out);
    }

    static Read read(InputStream in) throws IOException {
        String text = vn.baucu.platform.TabularFile.csvText(in.readAllBytes());
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<PartyCells.NewMember> out = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text)) {
            boolean header = true;
            for (CsvRecord r : CsvReader.builder().fieldSeparator(separator).ofCsvRecord(reader)) {
                if (header) {
                    header = false;
                    continue;
                }
                if (r.getFields().stream().allMatch(f -> f.isBlank())) {
                    continue;
                }
                out.add(new PartyCells.NewMember(field(r, 0), date(field(r, 1)), field(r, 2), membership(field(r, 3)),
                        exempted(field(r, 4))));
                lines.add(r.getStartingLineNumber());
            }
        } catch (RuntimeException e) {
            throw vn.baucu.platform.TabularFile.unreadable();
        }
        return new Read(out, lines);
    }

    private static String field(CsvRecord r, int i) {
        return i < r.getFieldCount() ? Normalizer.normalize(r.getField(i).strip(), Normalizer.Form.NFC) : "";
    }

    private static LocalDate date(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return s.contains("/") ? LocalDate.parse(s, DMY) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String membership(String s) {
        String k = s.toLowerCase(Locale.ROOT);
        if (k.isEmpty() || k.equals("chính thức") || k.equals("full")) {
            return "FULL";
        }
        if (k.equals("dự bị") || k.equals("probationary")) {
            return "PROBATIONARY";
        }
        return s;   // refused by name
    }

    private static Boolean exempted(String s) {
        String k = s.toLowerCase(Locale.ROOT);
        return k.equals("có") || k.equals("x") || k.equals("1") || k.equals("true") || k.equals("yes");
    }
}
