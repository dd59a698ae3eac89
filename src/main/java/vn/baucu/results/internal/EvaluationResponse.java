package vn.baucu.results.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.baucu.rules.Evaluation;

/** The response of {@code POST /api/v1/evaluations}, field for field as the contract shows it, plus {@code percentBase}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EvaluationResponse(String ruleSet, String outcome, List<String> elected, List<Candidate> candidates, Bar bar,
                          String turnoutPercent, FollowUp followUp, List<Reason> reasons, PercentBase percentBase) {

    record Candidate(String id, long votes, String percent, boolean passedBar, int rank, boolean elected) {
    }

    record Bar(long denominator, BigDecimal mustExceed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FollowUp(String kind, LocalDate latestDate, String decidedBy) {
    }

    record Reason(String code, String text, String legalBasis) {
    }

    /** Extension: what every percentage is a share of (the contract's "report states its denominator"). */
    record PercentBase(String base, long denominator) {
    }

    static EvaluationResponse of(Evaluation e, Function<Evaluation.Reason, String> text) {
        return new EvaluationResponse(e.ruleSet().name(), e.outcome().name(), e.elected(),
                e.candidates().stream().map(c -> new Candidate(c.id(), c.votes(), c.percent(), c.passedBar(), c.rank(),
                        c.elected())).toList(),
                new Bar(e.bar().denominator(), e.bar().mustExceed()),
                e.turnoutPercent(),
                new FollowUp(e.followUp().kind().name(), e.followUp().latestDate(),
                        e.followUp().decidedBy() == null ? null : e.followUp().decidedBy().name()),
                e.reasons().stream().map(r -> new Reason(r.code(), text.apply(r), r.legalBasis())).toList(),
                new PercentBase(e.percentBase().base().name(), e.percentBase().denominator()));
    }
}
