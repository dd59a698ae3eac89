package vn.baucu.election.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.FindingProblems;
import vn.baucu.platform.Violation;
import vn.baucu.rules.FiguresRejected;
import vn.baucu.rules.LegalCalendar;
import vn.baucu.rules.Milestone;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.WorkingDays;

@RestController
@Tag(name = "Legal calendar", description = "Published contract: contracts/calendar.md")
class CalendarApi {

    private final MessageSource messages;

    CalendarApi(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code followsVillageHeadElection} (extension, Party cells): add the recognition milestone before the congress. */
    record PreviewRequest(String ruleSet, String electionDay, Boolean followsVillageHeadElection) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MilestoneView(String code, String title, LocalDate date, String relation, String offset, String after,
                         LocalDate until, String legalBasis, Boolean confirmed) {
    }

    record Preview(String ruleSet, LocalDate electionDay, List<MilestoneView> milestones) {
    }

    @PostMapping("/api/v1/calendars/preview")
    @Operation(summary = "Every legal milestone of an election from its rule set and election day (public, stateless)")
    Preview preview(@RequestBody PreviewRequest request, Locale locale) {
        List<Violation> problems = new ArrayList<>();
        RuleSet ruleSet = null;
        LocalDate day = null;
        if (request.ruleSet() == null || request.ruleSet().isBlank()) {
            problems.add(Violation.of("E-001", "ruleSet", "evaluation.required", "ruleSet"));
        } else {
            try {
                ruleSet = RuleSet.valueOf(request.ruleSet().strip());
            } catch (IllegalArgumentException e) {
                problems.add(Violation.of("E-008", "ruleSet", "evaluation.unknown-value", "ruleSet", request.ruleSet(),
                        java.util.Arrays.toString(RuleSet.values())));
            }
        }
        if (request.electionDay() == null || request.electionDay().isBlank()) {
            problems.add(Violation.of("E-001", "electionDay", "evaluation.required", "electionDay"));
        } else {
            try {
                day = LocalDate.parse(request.electionDay().strip());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(Violation.of("E-009", "electionDay", "evaluation.bad-date", "electionDay",
                        request.electionDay()));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.malformed(problems);
        }
        List<Milestone> milestones;
        try {
            milestones = LegalCalendar.of(ruleSet, day, WorkingDays.bundled(),
                    Boolean.TRUE.equals(request.followsVillageHeadElection()));
        } catch (FiguresRejected rejected) {
            throw FindingProblems.of(rejected);
        }
        return new Preview(ruleSet.name(), day, milestones.stream().map(m -> new MilestoneView(m.code(),
                messages.getMessage("milestone." + m.code(), null, m.code(), locale), m.date(), m.relation().name(),
                m.offset(), m.after(), m.until(), m.legalBasis(), m.confirmed() ? null : Boolean.FALSE)).toList());
    }
}
