package vn.baucu.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.Candidates;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.MinutesEntry;
import vn.baucu.counting.MinutesSummary;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.Role;

/**
 * Polling day of the demo's 2022 village head election, through the same facades as the election teams' phones and
 * the commune's pages: every village meeting's paper minutes typed twice by two different clerks of the province's
 * data-entry team, certified with the meeting chair's signature, the outcome following from the rules, and the commune
 * chair's recognition decision for each head elected (NQLT 09/2008, Điều 9). The figures are {@link DemoCount}'s.
 */
@Component
class DemoElectionDay {

    static final String CLERK_1 = "qn.nhaplieu1";
    static final String CLERK_2 = "qn.nhaplieu2";

    private static final Logger log = LoggerFactory.getLogger(DemoElectionDay.class);

    private final AdminUnits units;
    private final Candidates candidates;
    private final CountingMinutes minutes;
    private final vn.baucu.results.ContestResults results;

    DemoElectionDay(AdminUnits units, Candidates candidates, CountingMinutes minutes, vn.baucu.results.ContestResults results) {
        this.units = units;
        this.candidates = candidates;
        this.minutes = minutes;
        this.results = results;
    }

    /** Counts every village meeting of the (frozen) election and recognises each head elected. */
    void countAndRecognise(long electionId, SplittableRandom random) {
        List<AdminUnit> villages = new ArrayList<>();
        List<List<CandidateView>> ballots = new ArrayList<>();
        for (AdminUnit v : units.list(UnitLevel.VILLAGE, DemoData.PROVINCE, DemoData.ELECTION_DAY)) {
            List<CandidateView> ballot = candidates.ballot(electionId, v.code());
            if (v.households() != null && v.households() > 0 && !ballot.isEmpty()) {
                villages.add(v);
                ballots.add(ballot);
            }
        }
        int[] households = villages.stream().mapToInt(AdminUnit::households).toArray();
        int[] names = ballots.stream().mapToInt(List::size).toArray();
        List<DemoCount.Meeting> meetings = DemoCount.meetings(households, names, random);
        CurrentUser clerk1 = new CurrentUser(CLERK_1, "Tổ nhập liệu Sở Nội vụ, người 1 (demo)", Role.PROVINCE_OFFICIAL,
                DemoData.PROVINCE);
        CurrentUser clerk2 = new CurrentUser(CLERK_2, "Tổ nhập liệu Sở Nội vụ, người 2 (demo)", Role.PROVINCE_OFFICIAL,
                DemoData.PROVINCE);
        int recognised = 0;
        for (int i = 0; i < villages.size(); i++) {
            String place = villages.get(i).code();
            DemoCount.Meeting m = meetings.get(i);
            List<CandidateView> ballot = ballots.get(i);
            int winner = ballot.size() == 1 ? 0 : random.nextInt(2);
            List<MinutesEntry.CandidateVotes> votes = new ArrayList<>();
            for (int k = 0; k < ballot.size(); k++) {
                votes.add(new MinutesEntry.CandidateVotes(String.valueOf(ballot.get(k).id()),
                        (long) (k == winner ? m.first() : m.second())));
            }
            MinutesEntry entry = new MinutesEntry(null, "SECRET_BALLOT", (long) m.households(), (long) m.participants(),
                    (long) m.participants(), (long) m.participants(), (long) m.valid(), (long) m.invalid(), votes,
                    new MinutesEntry.Complaints(0L, 0L, 0L), List.of(), null, null);
            Authorization.runAs(clerk1, () -> minutes.enter(electionId, place, entry, key(place, 1), "PAGE"));
            MinutesSummary verified = Authorization.runAs(clerk2,
                    () -> minutes.enter(electionId, place, entry, key(place, 2), "PAGE")).body().minutes();
            String chair = VietnameseNameGenerator.fullName(random, random.nextBoolean() ? 'M' : 'F');
            minutes.certify(electionId, place, verified.id(), verified.version(), chair);
            if (m.band() != DemoCount.Band.NONE) {
                results.recognise(electionId, place, (100 + i) + "/QĐ-UBND",
                        DemoData.ELECTION_DAY.plusDays(3 + random.nextInt(8)),
                        VietnameseNameGenerator.fullName(random, random.nextBoolean() ? 'M' : 'F'));
                recognised++;
            }
            if ((i + 1) % 250 == 0) {
                log.info("baucu demo:       {} of {} village minutes entered twice and certified", i + 1, villages.size());
            }
        }
        log.info("baucu demo:       {} village minutes certified, {} heads recognised", villages.size(), recognised);
    }

    private static UUID key(String place, int entry) {
        return UUID.nameUUIDFromBytes(("demo-2022-" + place + "-" + entry).getBytes(StandardCharsets.UTF_8));
    }
}
