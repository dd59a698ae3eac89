package vn.baucu.platform;

import java.util.List;

import vn.baucu.rules.FiguresRejected;
import vn.baucu.rules.Finding;

/** Turns the rules module's findings into the one error shape (400 for malformed input, 422 otherwise). */
public final class FindingProblems {

    private FindingProblems() {
    }

    public static DomainException of(FiguresRejected rejected) {
        List<Violation> violations = rejected.findings().stream().map(FindingProblems::violation).toList();
        return rejected.malformed() ? DomainException.malformed(violations) : DomainException.violations(violations);
    }

    public static Violation violation(Finding f) {
        return new Violation(f.code(), f.field(), null, f.messageKey(), f.args());
    }
}
