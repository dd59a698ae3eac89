package vn.baucu.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.candidates.Candidates;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.party.Congresses;
import vn.baucu.party.PartyCells;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.Role;
import vn.baucu.results.ContestResults;

/**
 * The demo's cell congresses after the 2022 village head election ("Dân tin – Đảng cử"): every village's cell with its
 * members (the recognised head among them), 31 pilot congresses on 26/6/2022 and the rest on 3/7/2022, each electing
 * the recognised head secretary (a larger cell first its committee), counted twice by two clerks of the provincial
 * Party committee's office, and ratified (the pilots by 30/6, the rest on 8/7, within the deadline). In the three
 * villages that elected no head, the congress elects another member, so the report of 3/7/2022 names exactly those
 * three as its shortfalls (head not yet elected).
 */
@Component
class DemoParty {

    static final String READER = "qn.tinhuy";
    static final String CLERK_1 = "qn.vptu1";
    static final String CLERK_2 = "qn.vptu2";
    static final LocalDate PILOTS = LocalDate.of(2022, 6, 26);
    static final LocalDate CONGRESSES = LocalDate.of(2022, 7, 3);
    static final int PILOT_CELLS = 31;

    private static final Logger log = LoggerFactory.getLogger(DemoParty.class);

    private final AdminUnits units;
    private final ContestResults results;
    private final Candidates candidates;
    private final PartyCells cells;
    private final Congresses congresses;
    private final JdbcClient jdbc;

    DemoParty(AdminUnits units, ContestResults results, Candidates candidates, PartyCells cells, Congresses congresses,
              JdbcClient jdbc) {
        this.units = units;
        this.results = results;
        this.candidates = candidates;
        this.cells = cells;
        this.congresses = congresses;
        this.jdbc = jdbc;
    }

    private record Person(String name, LocalDate born, String personalId) {
    }

    void congresses(SplittableRandom random) {
        CurrentUser clerk1 = new CurrentUser(CLERK_1, "Văn phòng Tỉnh ủy, người nhập 1 (demo)", Role.PARTY_COMMITTEE,
                DemoData.PROVINCE);
        CurrentUser clerk2 = new CurrentUser(CLERK_2, "Văn phòng Tỉnh ủy, người nhập 2 (demo)", Role.PARTY_COMMITTEE,
                DemoData.PROVINCE);
        List<AdminUnit> villages = units.list(UnitLevel.VILLAGE, DemoData.PROVINCE, DemoData.ELECTION_DAY).stream()
                .filter(v -> v.households() != null && v.households() > 0).toList();
        Map<String, ContestResults.VillageHead> heads = results.villageHeads(villages.stream().map(AdminUnit::code).toList(),
                CONGRESSES);
        Map<Long, Candidates.Person> persons = candidates.persons(heads.values().stream()
                .map(ContestResults.VillageHead::candidateId).filter(java.util.Objects::nonNull).toList());
        int ratified = 0;
        for (int i = 0; i < villages.size(); i++) {
            AdminUnit village = villages.get(i);
            ContestResults.VillageHead head = heads.get(village.code());
            Candidates.Person headPerson = head == null || head.candidateId() == null
                    || head.recognisedOn() == null ? null : persons.get(head.candidateId());
            LocalDate heldOn = i % (villages.size() / PILOT_CELLS) == 0 && i / (villages.size() / PILOT_CELLS) < PILOT_CELLS
                    ? PILOTS : CONGRESSES;
            Authorization.runAs(clerk1, () -> {
                congress(village, headPerson, heldOn, random, clerk2);
                return null;
            });
            ratified++;
            if ((i + 1) % 250 == 0) {
                log.info("baucu demo:       {} of {} cell congresses held and ratified", i + 1, villages.size());
            }
        }
        log.info("baucu demo:       {} cell congresses ({} pilots on {}), {} ratified", villages.size(), PILOT_CELLS, PILOTS,
                ratified);
    }

    private void congress(AdminUnit village, Candidates.Person head, LocalDate heldOn, SplittableRandom random,
                          CurrentUser clerk2) {
        PartyCells.CellView cell = cells.create(village.code(), null, null, DemoData.ELECTION_DAY);
        int full = 5 + random.nextInt(10);                  // 5–14 full members: a quarter or so elect a committee
        List<Person> residents = jdbc.sql("""
                        select full_name, birth_date, personal_id from resident
                        where village_code = :v and source = 'DEMO' order by household_no limit 60""")
                .param("v", village.code())
                .query((rs, n) -> new Person(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3))).list();
        Set<Person> chosen = new LinkedHashSet<>();
        if (head != null) {
            chosen.add(new Person(head.fullName(), head.birthDate(), head.personalId()));
        }
        while (chosen.size() < Math.min(full + 1, residents.size())) {
            Person p = residents.get(random.nextInt(residents.size()));
            if (head == null || !p.personalId().equals(head.personalId())) {
                chosen.add(p);
            }
        }
        List<PartyCells.NewMember> members = new ArrayList<>();
        int k = 0;
        for (Person p : chosen) {
            boolean probationary = k == chosen.size() - 1;       // the last one joined recently
            members.add(new PartyCells.NewMember(p.name(), p.born(), p.personalId(), probationary ? "PROBATIONARY" : "FULL",
                    !probationary && k > 0 && random.nextInt(12) == 0));
            k++;
        }
        List<PartyCells.Member> roll = cells.addMembers(cell.id(), members);
        List<PartyCells.Member> fullMembers = roll.stream().filter(m -> "FULL".equals(m.membership())).toList();
        boolean committee = fullMembers.size() >= vn.baucu.rules.PartyCongresses.COMMITTEE_FROM;
        Congresses.CongressView c = congresses.convene(cell.id(), "2022-2025", heldOn, committee ? 3 : null);
        // at most one away, with an accepted reason; an exempted member stays away
        List<Congresses.Absence> absences = new ArrayList<>();
        fullMembers.stream().filter(PartyCells.Member::exempted)
                .forEach(m -> absences.add(new Congresses.Absence(m.id(), "miễn sinh hoạt", true)));
        if (random.nextInt(3) == 0) {
            PartyCells.Member away = fullMembers.get(fullMembers.size() - 1);
            if (!away.exempted() && (c.proposedSecretary() == null || away.id() != c.proposedSecretary())) {
                absences.add(new Congresses.Absence(away.id(), "đi làm ăn xa", true));
            }
        }
        c = congresses.recordAttendance(c.id(), absences, c.version());
        int present = c.roll().present();
        // the secretary: the recognised head; where no head was elected, the cell committee's own choice
        long secretary = c.proposedSecretary() != null ? c.proposedSecretary() : fullMembers.get(1).id();
        if (committee) {
            List<Long> list = new ArrayList<>();
            list.add(secretary);
            for (PartyCells.Member m : fullMembers) {
                if (list.size() < 3 && m.id() != secretary && !m.exempted()
                        && absences.stream().noneMatch(a -> a.member() == m.id())) {
                    list.add(m.id());
                }
            }
            Congresses.Vote vote = congresses.setList(c.id(), new Congresses.NewList("COMMITTEE", list, List.of(),
                    present, 0, null));
            List<Congresses.CountEntry.MemberVotes> votes = new ArrayList<>();
            for (int n = 0; n < list.size(); n++) {
                votes.add(new Congresses.CountEntry.MemberVotes(list.get(n), (long) supporters(c, n == 0, random)));
            }
            count(vote, present, votes, clerk2);
        }
        Congresses.Vote vote = congresses.setList(c.id(), new Congresses.NewList("SECRETARY", List.of(secretary), List.of(),
                present, 0, null));
        count(vote, present, List.of(new Congresses.CountEntry.MemberVotes(secretary, (long) supporters(c, false, random))),
                clerk2);
        c = congresses.close(c.id(), null);
        congresses.ratify(c.id(), (40 + random.nextInt(900)) + "-QĐ/ĐU",
                heldOn.equals(PILOTS) ? LocalDate.of(2022, 6, 30) : LocalDate.of(2022, 7, 8));
    }

    /** Everyone present votes for the name, or all but one where that still is more than half of the roll. */
    private static int supporters(Congresses.CongressView c, boolean everyone, SplittableRandom random) {
        int present = c.roll().present();
        boolean oneAgainst = !everyone && random.nextBoolean() && (present - 1) * 2 > c.roll().adjusted();
        return oneAgainst ? present - 1 : present;
    }

    private void count(Congresses.Vote vote, int present, List<Congresses.CountEntry.MemberVotes> votes, CurrentUser clerk2) {
        Congresses.CountEntry entry = new Congresses.CountEntry(null, (long) present, (long) present, (long) present,
                (long) present, 0L, votes);
        congresses.enter(vote.id(), entry, key(vote.id(), 1));
        Congresses.Vote verified = Authorization.runAs(clerk2, () -> congresses.enter(vote.id(), entry, key(vote.id(), 2)))
                .body().vote();
        congresses.certify(vote.id(), verified.version());
    }

    private static UUID key(long vote, int entry) {
        return UUID.nameUUIDFromBytes(("demo-party-2022-" + vote + "-" + entry).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
