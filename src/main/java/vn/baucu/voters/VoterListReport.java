package vn.baucu.voters;

import java.util.List;

/**
 * The validation report of a voter-list file (contracts/voter-list-format.md): counts, the encoding
 * found and how many cells were converted, the households, and every error or warning by row and column.
 */
public record VoterListReport(long rows, long accepted, long rejected, long warnings, Encoding encoding, long households,
                              List<Issue> errors) {

    public record Encoding(String detected, long convertedCells) {
    }

    /** @param severity ERROR (the row is rejected) or WARNING */
    public record Issue(int row, String column, String code, String message, String severity) {
        public Issue {
            vn.baucu.rules.ViolationCode.require(code, null);
        }
    }
}
