package vn.baucu.rules;

import java.util.List;

/**
 * The figures cannot be evaluated. {@code malformed}: something required is missing or out of range
 * (HTTP 400); otherwise the figures are well formed but break a rule or an arithmetic invariant (422).
 * Carries every finding at once.
 */
public class FiguresRejected extends RuntimeException {

    private final boolean malformed;
    private final transient List<Finding> findings;

    public FiguresRejected(boolean malformed, List<Finding> findings) {
        super(findings.toString());
        this.malformed = malformed;
        this.findings = List.copyOf(findings);
    }

    public boolean malformed() {
        return malformed;
    }

    public List<Finding> findings() {
        return findings;
    }
}
