package vn.baucu.platform;

/**
 * Text for a cell of a CSV or XLSX file baucu writes. A spreadsheet reads a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula (CSV injection, OWASP): such a cell is written with a
 * leading apostrophe, so it shows literally and never runs. Everything else is written as it is.
 */
public final class CellText {

    private CellText() {
    }

    public static String neutral(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    /** A CSV field: neutralised as above, then quoted where it holds a comma, a quote or a line break (RFC 4180). */
    public static String csv(String value) {
        String s = neutral(value);
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
