package vn.baucu.results.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import vn.baucu.platform.DomainException;
import vn.baucu.platform.Violation;
import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.ContestFigures.CandidateFigures;
import vn.baucu.rules.Round;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VotingMethod;

/**
 * The request of {@code POST /api/v1/evaluations} (contracts/contest-evaluation.md). Enums and dates
 * arrive as text so that a wrong value is reported by field name.
 */
record EvaluationRequest(String ruleSet, String round, Integer seats, String electionDay, String votingMethod,
                         Long electorate, Long electorateExcluded, Long participants, Long ballotsIssued,
                         Long ballotsReturned, Long validBallots, Long invalidBallots, List<Candidate> candidates) {

    record Candidate(String id, String name, String birthDate, Long votes) {
    }

    /** The figures, or a 400 problem naming every missing or unreadable field. */
    ContestFigures toFigures() {
        List<Violation> problems = new ArrayList<>();
        RuleSet rs = parseEnum(RuleSet.class, ruleSet, "ruleSet", true, problems);
        Round r = parseEnum(Round.class, round, "round", false, problems);
        VotingMethod vm = parseEnum(VotingMethod.class, votingMethod, "votingMethod", false, problems);
        LocalDate day = parseDate(electionDay, "electionDay", problems);
        require(seats, "seats", problems);
        require(electorate, "electorate", problems);
        require(participants, "participants", problems);
        List<CandidateFigures> list = new ArrayList<>();
        if (candidates == null) {
            problems.add(Violation.of("E-005", "candidates", "evaluation.candidates-required"));
        } else {
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                String field = "candidates[" + i + "]";
                if (c == null) {
                    problems.add(Violation.of("E-006", field, "evaluation.required", field));
                    continue;
                }
                require(c.votes(), field + ".votes", problems);
                LocalDate birth = parseDate(c.birthDate(), field + ".birthDate", problems);
                list.add(new CandidateFigures(c.id(), c.name(), birth, c.votes() == null ? 0 : c.votes()));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.malformed(problems);
        }
        return new ContestFigures(rs, r, seats, day, vm, electorate, electorateExcluded == null ? 0 : electorateExcluded,
                participants, ballotsIssued, ballotsReturned, validBallots, invalidBallots, list);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, boolean required,
                                           List<Violation> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(Violation.of("E-001", field, "evaluation.required", field));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of("E-008", field, "evaluation.unknown-value", field, value,
                    java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static LocalDate parseDate(String value, String field, List<Violation> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(Violation.of("E-009", field, "evaluation.bad-date", field, value));
            return null;
        }
    }

    private static void require(Object value, String field, List<Violation> problems) {
        if (value == null) {
            problems.add(Violation.of("E-001", field, "evaluation.required", field));
        }
    }
}
