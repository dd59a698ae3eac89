package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Body;
import vn.baucu.rules.Evaluation.FollowUp;
import vn.baucu.rules.Evaluation.FollowUpKind;
import vn.baucu.rules.Round;

/**
 * HĐND: an additional election only when the deputies elected are fewer than two thirds of the unit's
 * seats (5 seats, 3 elected: yes; 4 seats, 3 elected: no — the seat stays vacant), decided by the
 * election committee, at most 7 days after (15 before 2025). No second additional election.
 *
 * <p>Luật 85/2015/QH13, Điều 79 khoản 2 và 3.
 */
final class TwoThirdsSeatsRule implements ContestRule {

    @Override
    public void apply(ContestState s) {
        int seats = s.figures.seats();
        int elected = s.elected.size();
        if (elected >= seats) {
            return;
        }
        String basis = s.figures.ruleSet().law85() + ", Điều 79 khoản 2 và 3";
        if (s.figures.round() == Round.ADDITIONAL) {
            s.reason("NO_FURTHER_ADDITIONAL_ELECTION", basis, seats - elected);
            return;
        }
        if (elected * 3 < seats * 2) {
            int days = FollowUps.days(s.figures.ruleSet());
            s.reason("ADDITIONAL_ELECTION_HDND", basis, elected, seats, days);
            s.followUp = new FollowUp(FollowUpKind.ADDITIONAL_ELECTION, FollowUps.latest(s, days),
                    Body.ELECTION_COMMITTEE);
        } else {
            s.reason("SEATS_LEFT_VACANT_TWO_THIRDS", basis, elected, seats);
        }
    }
}
