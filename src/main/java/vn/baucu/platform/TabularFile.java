package vn.baucu.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A small table read from an uploaded CSV (UTF-8, with or without BOM, comma or semicolon) or XLSX file
 * (first sheet): a header row and data rows, every cell as NFC text. For modest files (units, members);
 * voter lists have their own streaming importer.
 *
 * @param rows each row keyed by its normalised column name; {@link TableRow#number} is the row in the file
 */
public record TabularFile(List<String> header, List<TableRow> rows) {

    public record TableRow(int number, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** The normal form of a column name: no diacritics, lower case, words joined by '_' ("Số hộ" → "so_ho"). */
    public static String columnKey(String header) {
        String s = MARKS.matcher(Normalizer.normalize(header.strip(), Normalizer.Form.NFD)).replaceAll("");
        return s.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }

    /** Reads the file; a 422 problem naming what is wrong with it when it cannot be read as a table. */
    public static TabularFile read(byte[] bytes, int maxRows) {
        if (bytes.length == 0) {
            throw fileProblem("F-101", "file.empty");
        }
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return readXlsx(bytes, maxRows);
        }
        return readCsv(bytes, maxRows);
    }

    /**
     * The text of an uploaded CSV file: strictly UTF-8 (a file in another encoding is refused, never read with
     * replacement characters in its names), no NUL, the BOM dropped; a 422 problem naming what is wrong otherwise.
     */
    public static String csvText(byte[] bytes) {
        if (bytes.length == 0) {
            throw fileProblem("F-101", "file.empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fileProblem("F-102", "file.not-utf8");
        }
        if (text.indexOf('\0') >= 0) {
            throw fileProblem("F-103", "file.binary");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The problem of a file the CSV reader could not read (a quote left open, a field too long, …). */
    public static DomainException unreadable() {
        return fileProblem("F-104", "file.unreadable");
    }

    private static TabularFile readCsv(byte[] bytes, int maxRows) {
        String text = csvText(bytes);
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String firstLine = text.substring(0, firstLineEnd);
        char separator = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        List<String> header = null;
        List<TableRow> rows = new ArrayList<>();
        try (var reader = CsvReader.builder().fieldSeparator(separator).ofCsvRecord(new StringReader(text))) {
            for (CsvRecord record : reader) {
                List<String> fields = record.getFields().stream().map(TabularFile::nfc).toList();
                if (header == null) {
                    header = fields;
                    continue;
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw fileProblem("F-105", "file.too-many-rows", maxRows);
                }
                rows.add(new TableRow((int) record.getStartingLineNumber(), keyed(header, fields)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw unreadable();
        }
        if (header == null) {
            throw fileProblem("F-101", "file.empty");
        }
        return new TabularFile(header.stream().map(TabularFile::columnKey).toList(), rows);
    }

    private static TabularFile readXlsx(byte[] bytes, int maxRows) {
        ZipBombGuard.checkSmallTable(bytes);   // before the parser inflates anything
        List<String> header = null;
        List<TableRow> rows = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(bytes); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            try (var stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    List<String> fields = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        fields.add(text(row.getCell(i)));
                    }
                    if (header == null) {
                        if (fields.stream().allMatch(String::isBlank)) {
                            continue;
                        }
                        header = fields;
                        continue;
                    }
                    if (fields.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    if (rows.size() >= maxRows) {
                        throw fileProblem("F-105", "file.too-many-rows", maxRows);
                    }
                    rows.add(new TableRow(row.getRowNum(), keyed(header, fields)));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw fileProblem("F-104", "file.unreadable");
        }
        if (header == null) {
            throw fileProblem("F-101", "file.empty");
        }
        return new TabularFile(header.stream().map(TabularFile::columnKey).toList(), rows);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> {
                BigDecimal n = cell.asNumber();
                yield n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
            }
            case STRING, FORMULA, BOOLEAN -> nfc(cell.getText());
            default -> nfc(cell.getText() == null ? "" : cell.getText());
        };
    }

    private static Map<String, String> keyed(List<String> header, List<String> fields) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(columnKey(header.get(i)), i < fields.size() ? fields.get(i) : "");
        }
        return m;
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }

    private static DomainException fileProblem(String code, String key, Object... args) {
        return DomainException.violations(List.of(Violation.of(code, "file", key, args)));
    }
}
