package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.baucu.rules.PartyCongresses.Attendee;
import vn.baucu.rules.PartyCongresses.Roll;
import vn.baucu.rules.PartyCongresses.Seat;

/** The roll of a congress, members' and delegates' (law.md §3.2, cases 26, 28 and 29). */
class PartyCongressesTest {

    @Test
    void case26AMemberAbsentWithAnAcceptedReasonLeavesTheRoll() {
        List<Attendee> members = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            members.add(new Attendee(i, true, false, i != 11, i == 11));
        }
        assertThat(PartyCongresses.roll(members)).isEqualTo(new Roll(11, 1, 10, 10));
    }

    @Test
    void case28AnExemptedMemberCountsOnlyWhenPresent() {
        List<Attendee> away = new ArrayList<>();
        List<Attendee> there = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            away.add(new Attendee(i, true, i == 9, i != 9, false));
            there.add(new Attendee(i, true, i == 9, true, false));
        }
        assertThat(PartyCongresses.roll(away)).isEqualTo(new Roll(9, 1, 8, 8));
        assertThat(PartyCongresses.roll(there)).isEqualTo(new Roll(9, 0, 9, 9));
    }

    @Test
    void case29ThreeDelegatesAbsentWithNoAlternateLeaveADenominatorOf97() {
        List<Seat> seats = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            seats.add(new Seat(i, false, i > 3, false));
        }
        Roll roll = PartyCongresses.delegatesRoll(seats);
        assertThat(roll).isEqualTo(new Roll(100, 3, 97, 97));
        assertThat(roll.adjusted() / 2 + 1).as("the least number of votes that is more than half").isEqualTo(49);
    }

    @Test
    void anAlternateKeepsTheSeatButNotTheSeatOfAConveningCommitteeMember() {
        List<Seat> seats = new ArrayList<>();
        seats.add(new Seat(1, false, false, true));      // replaced by an alternate: stays on the roll, present
        seats.add(new Seat(2, true, false, false));      // convening committee, absent: out
        seats.add(new Seat(3, true, false, true));       // convening committee, nobody can take the seat: out
        seats.add(new Seat(4, true, true, false));       // convening committee, present
        seats.add(new Seat(5, false, false, false));     // absent, no alternate: out
        seats.add(new Seat(6, false, true, false));
        assertThat(PartyCongresses.delegatesRoll(seats)).isEqualTo(new Roll(6, 3, 3, 3));
    }
}
