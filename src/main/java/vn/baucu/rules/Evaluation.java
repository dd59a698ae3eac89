package vn.baucu.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The legal outcome of one contest: who is elected, what happens next and why, step by step.
 *
 * @param percentBase what every percentage of this evaluation is a share of
 */
public record Evaluation(RuleSet ruleSet, Outcome outcome, List<String> elected, List<CandidateResult> candidates,
                         Bar bar, Share percentBase, String turnoutPercent, FollowUp followUp, List<Reason> reasons) {

    public enum Outcome {
        /** every seat filled */
        ELECTED_ALL,
        ELECTED_SOME,
        NONE_ELECTED,
        /** the meeting could not validly decide (old village rules: attendance not above half) */
        NO_QUORUM,
        /** NA/HĐND first or additional round with turnout not above half */
        TURNOUT_TOO_LOW,
        /** new village rules: too few households present for the bar to be reachable */
        HOUSEHOLD_BALLOT_REQUIRED
    }

    /** What the denominator of the bar and of the percentages counts. */
    public enum Base { HOUSEHOLDS, VOTERS, VALID_BALLOTS, ADJUSTED_ROLL }

    public record Share(Base base, long denominator) {
    }

    /** A candidate is elected only with more than {@code mustExceed} votes (= denominator / 2). */
    public record Bar(long denominator, BigDecimal mustExceed) {
        public static Bar halfOf(long denominator) {
            return new Bar(denominator, BigDecimal.valueOf(denominator).divide(BigDecimal.valueOf(2)));
        }

        public boolean passedBy(long votes) {
            return votes * 2 > denominator;
        }
    }

    public record CandidateResult(String id, long votes, String percent, boolean passedBar, int rank, boolean elected) {
    }

    public enum FollowUpKind { NONE, REELECTION, ADDITIONAL_ELECTION, HOUSEHOLD_BALLOT, NEXT_ROUND }

    /** Who decides the follow-up. */
    public enum Body {
        NATIONAL_ELECTION_COUNCIL, ELECTION_COMMITTEE, COMMUNE_PEOPLES_COMMITTEE, ELECTION_TEAM, CONGRESS
    }

    public record FollowUp(FollowUpKind kind, LocalDate latestDate, Body decidedBy) {
        public static final FollowUp NONE = new FollowUp(FollowUpKind.NONE, null, null);
    }

    /** One decision step: stable code, message key and arguments for the sentence, and the legal basis. */
    public record Reason(String code, List<Object> args, String legalBasis) {
        public Reason {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }
}
