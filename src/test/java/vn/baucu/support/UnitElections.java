package vn.baucu.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.candidates.Candidates;
import vn.baucu.candidates.NewCandidate;
import vn.baucu.candidates.NominationProcess;
import vn.baucu.election.ElectionKind;
import vn.baucu.election.Elections;
import vn.baucu.election.NewElection;
import vn.baucu.election.Organisations;
import vn.baucu.election.UnitDefinition;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VoterConferences;
import vn.baucu.voters.VoterLists;

/**
 * Builds a National Assembly election of 15/3/2026 up to polling day through the real facades: one electoral unit
 * ("22-1", one seat) of one commune of Quảng Ninh (unit 2 has the others), two polling areas of that commune with their voter lists,
 * three candidates trusted by their voter conferences and carried through the three consultations, the list settled
 * and posted, and the configuration frozen.
 */
@Component
public class UnitElections {

    public static final LocalDate DAY = LocalDate.of(2026, 3, 15);
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /** What was built: the election, its contest "22-1", the commune and its two polling areas, the candidates. */
    public record Built(long electionId, String contest, String communeCode, List<Long> areas, List<Long> candidateIds,
                        int voters) {
        public String candidate(int i) {
            return String.valueOf(candidateIds.get(i));
        }
    }

    private final Elections elections;
    private final Organisations organisations;
    private final AdminUnits units;
    private final VoterLists voterLists;
    private final Candidates candidates;
    private final NominationProcess nominations;
    private final JdbcClient jdbc;

    UnitElections(Elections elections, Organisations organisations, AdminUnits units, VoterLists voterLists,
                  Candidates candidates, NominationProcess nominations, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.elections = elections;
        this.organisations = organisations;
        this.units = units;
        this.voterLists = voterLists;
        this.candidates = candidates;
        this.nominations = nominations;
    }

    public Built frozen(int votersPerArea) {
        return frozen(votersPerArea, 2);
    }

    /** The same with {@code areaCount} polling areas in the unit's commune. */
    public Built frozen(int votersPerArea, int areaCount) {
        return Authorization.runAsSystem(() -> build(votersPerArea, areaCount));
    }

    /**
     * The provincial HĐND election held the same day over the same polling areas as {@code na} (law.md §2: one polling
     * area holds one minutes per contest voted there that day): its unit 1 is the same commune, with a voter list per
     * area (the same people) and three other candidates for one seat, frozen.
     */
    public Built councilOver(Built na) {
        return Authorization.runAsSystem(() -> {
            long election = elections.create(new NewElection(ElectionKind.PEOPLES_COUNCIL, "PROVINCE",
                    RuleSet.PEOPLES_COUNCIL_2025, "Bầu cử đại biểu HĐND tỉnh khóa XI (kiểm thử)", "2026-2031", DAY, "22")).id();
            Built b = populate(Where.QUANG_NINH_2026, election, na.communeCode(), na.voters(), na.areas(), false,
                    new String[][] {{"Phạm Văn Dũng", "M"}, {"Hoàng Thị Em", "F"}, {"Vũ Văn Giang", "M"}});
            elections.freeze(election);
            return b;
        });
    }

    private Built build(int voters, int areaCount) {
        var random = ThreadLocalRandom.current();
        long election = elections.create(new NewElection(ElectionKind.NATIONAL_ASSEMBLY, null, RuleSet.NATIONAL_ASSEMBLY_2025,
                "Bầu cử đại biểu Quốc hội khóa XVI (kiểm thử)", "2026-2031", DAY, null)).id();
        List<String> communes = units.list(UnitLevel.COMMUNE, "22", DAY).stream().map(AdminUnit::code).toList();
        // unit 1 is one commune of its own, the one with the fewest polling areas on that day (other tests add areas too,
        // and on a shared database they stay), so that its polling areas are, where it can be, this election's only
        Map<String, Long> used = new java.util.HashMap<>();
        jdbc.sql("""
                        select u.code, count(*) from polling_area p join admin_unit u on u.id = p.commune_id
                        where p.polling_day = :d and u.province_code = '22' group by u.code""")
                .param("d", java.sql.Date.valueOf(DAY)).query((rs, i) -> used.put(rs.getString(1), rs.getLong(2))).list();
        int start = NEXT.getAndIncrement();
        String commune = java.util.stream.IntStream.range(0, communes.size())
                .mapToObj(i -> communes.get((start + i) % communes.size()))
                .min(java.util.Comparator.comparingLong(c -> used.getOrDefault(c, 0L))).orElseThrow();
        int number = random.nextInt(1, 1_000_000 - areaCount);
        List<Long> areas = new ArrayList<>();
        for (int a = 0; a < areaCount; a++) {
            areas.add(organisations.addPollingArea(commune, DAY, number + a, "Khu vực kiểm thử " + (a + 1),
                    "Nhà văn hóa", voters, null).id());
        }
        Built b = populate(Where.QUANG_NINH_2026, election, commune, voters, areas, true,
                new String[][] {{"Nguyễn Văn An", "M"}, {"Trần Thị Bình", "F"}, {"Lê Văn Cường", "M"}});
        elections.freeze(election);
        return b;
    }

    /**
     * Where and when an election is built: its rule set, its day, the province, and whether unit 1 is one commune
     * (unit 2 the rest) or the whole province.
     */
    private record Where(RuleSet ruleSet, LocalDate day, String province, boolean wholeProvince) {
        static final Where QUANG_NINH_2026 = new Where(RuleSet.NATIONAL_ASSEMBLY_2025, DAY, "22", false);

        String place() {
            return province + "-1";
        }
    }

    /**
     * A National Assembly election on {@code day} under {@code ruleSet} (the administrative units in force that day)
     * with, in each province named, one electoral unit "P-1" of the whole province for one seat, one polling area of
     * {@code voters} in one of its communes with its list, and three candidates carried through the consultations;
     * frozen. One {@link Built} per province, in the order given, all of the same election.
     */
    public List<Built> nationalIn(RuleSet ruleSet, LocalDate day, List<String> provinces, int voters) {
        return Authorization.runAsSystem(() -> {
            long election = elections.create(new NewElection(ElectionKind.NATIONAL_ASSEMBLY, null, ruleSet,
                    "Bầu cử đại biểu Quốc hội (kiểm thử " + day.getYear() + ")", day.getYear() + "-" + (day.getYear() + 5),
                    day, null)).id();
            List<Built> out = new ArrayList<>();
            String[][] people = {{"Nguyễn Văn An", "M"}, {"Trần Thị Bình", "F"}, {"Lê Văn Cường", "M"}};
            for (String province : provinces) {
                Where w = new Where(ruleSet, day, province, true);
                String commune = units.list(UnitLevel.COMMUNE, province, day).get(0).code();
                long area = organisations.addPollingArea(commune, day, ThreadLocalRandom.current().nextInt(1, 1_000_000),
                        "Khu vực kiểm thử", "Nhà văn hóa", voters, null).id();
                out.add(populate(w, election, commune, voters, List.of(area), true, people));
            }
            elections.freeze(election);
            return out;
        });
    }

    /**
     * Units (1: the commune, 2: the rest of the province; or 1: the whole province), a voter list per area, three
     * candidates for one seat in unit 1, the list settled and posted; not frozen.
     */
    private Built populate(Where w, long election, String commune, int voters, List<Long> areas, boolean freshIds,
                           String[][] people) {
        var random = ThreadLocalRandom.current();
        LocalDate day = w.day();
        List<String> communes = units.list(UnitLevel.COMMUNE, w.province(), day).stream().map(AdminUnit::code).toList();
        elections.defineUnits(election, w.province(), w.wholeProvince()
                ? List.of(new UnitDefinition(1, null, 1, communes))
                : List.of(new UnitDefinition(1, null, 1, List.of(commune)),
                new UnitDefinition(2, null, 1, communes.stream().filter(c -> !c.equals(commune)).toList())));
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        // one block of ids per polling area: a person is on one list only, so two areas must never draw the same id
        // (the same people again for another election of the same day over the same areas: the base of the first)
        int block = voters;
        int base = freshIds ? random.nextInt(0, 1_000_000 - block * Math.max(areas.size(), 1)) : baseOf(areas, voters);
        for (int a = 0; a < areas.size(); a++) {
            long area = areas.get(a);
            StringBuilder csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Nơi cư trú\n");
            for (int i = 1; i <= voters; i++) {
                boolean woman = i % 2 == 0;
                LocalDate born = LocalDate.of(day.getYear() - 76 + i % 50, 1 + i % 12, 1 + i % 28);
                csv.append(woman ? "Nguyễn Thị Cử Tri" : "Trần Văn Cử Tri").append(',').append(born.format(dmy)).append(',')
                        .append(woman ? "Nữ" : "Nam").append(",022").append(woman ? '1' : '0')
                        .append(String.format("%02d", born.getYear() % 100))
                        .append(String.format("%06d", base + a * block + i)).append(",Tổ 1\n");
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            voterLists.confirm(election, new VoterLists.Target(area, null), "kv-" + area + ".csv",
                    () -> new ByteArrayInputStream(file), Locale.forLanguageTag("vi"));
        }
        BASES.put(areas.get(0), base);
        List<Long> ids = new ArrayList<>();
        for (String[] p : people) {
            // a birth date of its own each time: the same person may not stand in two NA units on one day (distinct within
            // a run for 30 years of days, from a random start, as a database may outlive a run)
            LocalDate born = LocalDate.of(1955, 1, 1).plusDays(Math.floorMod(BIRTH_START + BIRTHS.getAndIncrement(), 10_950));
            long id = candidates.nominate(election, w.place(), new NewCandidate(p[0], null, born, p[1].charAt(0),
                    pid(p[1].charAt(0), born), "Kinh", null, null, "Quảng Ninh", "12/12", "Thạc sĩ",
                    "ADVANCED", true, null, "Cơ quan", "Chuyên viên", false, "INTRODUCED", List.of(), null,
                    day.minusDays(60))).id();
            candidates.recordVoterConference(id, VoterConferences.Place.RESIDENCE, day.minusDays(40), 320, 60, 40);
            ids.add(id);
        }
        nominations.recordConsultation(election, w.province(), 1, day.minusDays(70), 45, 1, null, List.of(), Map.of());
        nominations.recordConsultation(election, w.province(), 2, day.minusDays(50), 45, 1, null, ids, Map.of());
        nominations.recordConsultation(election, w.province(), 3, day.minusDays(30), 45, 1, null, ids, Map.of());
        candidates.finalizeList(election, w.place());
        candidates.postList(election, w.place(), day.minusDays(20));
        return new Built(election, w.place(), commune, areas, ids, voters);
    }

    private static final int BIRTH_START = ThreadLocalRandom.current().nextInt(10_950);
    private static final java.util.concurrent.atomic.AtomicInteger BIRTHS = new java.util.concurrent.atomic.AtomicInteger();

    /** The first id of the people listed in these areas by the election that created them. */
    private static final Map<Long, Integer> BASES = new java.util.concurrent.ConcurrentHashMap<>();

    private static int baseOf(List<Long> areas, int voters) {
        Integer base = BASES.get(areas.get(0));
        if (base == null) {
            throw new IllegalStateException("these areas were not built here");
        }
        return base;
    }

    private static String pid(char sex, LocalDate born) {
        return "001" + (sex == 'F' ? "1" : "0") + String.format("%02d", born.getYear() % 100)
                + String.format("%06d", ThreadLocalRandom.current().nextInt(0, 1_000_000));
    }
}
