package vn.baucu.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.geography.Villages;
import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.voters.HouseholdRegister;
import vn.baucu.voters.Resident;

/**
 * Generates the Quảng Ninh demo set. Deterministic: the same seed gives the same villages, names and
 * personal ids on every machine. Published figures it reproduces: 1,452 villages and 346,663 household
 * representatives on 5/6/2022; 13 districts and 171 communes of the GSO list of 1/3/2025.
 */
@Service
public class DemoData {

    public static final String PROVINCE = "22";
    public static final LocalDate VILLAGES_FROM = LocalDate.of(2020, 1, 1);
    public static final LocalDate ELECTION_DAY = LocalDate.of(2022, 6, 5);
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    public static final int VILLAGES = 1_452;
    public static final int HOUSEHOLDS = 346_663;
    static final long SEED = 20_220_605L;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Mountain districts where villages are called bản: Bình Liêu (198), Ba Chẽ (202). */
    private static final List<String> BAN_DISTRICTS = List.of("198", "202");
    private static final String[] VILLAGE_NAMES = {"Đồng Tâm", "Tân Lập", "Hòa Bình", "Thống Nhất", "Quyết Thắng",
        "Đoàn Kết", "Tân Tiến", "Bắc Sơn", "Nam Sơn", "Đông Sơn", "Tây Sơn", "Trung Tâm", "Hồng Phong", "Minh Khai",
        "Quang Trung", "Trần Phú", "Lê Lợi", "Bình Minh", "Tân Thành", "Phú Hải", "Cao Sơn", "Đồng Mỏ", "Khe Mai",
        "Khe Tiên", "Lang Cang", "Đồng Cậy", "Nà Bắp", "Pắc Pùng", "Khe Lạc", "Sơn Hải", "Vạn Hòa", "Xuân Hòa"};

    private final AdminUnits units;
    private final Villages villages;
    private final HouseholdRegister register;
    private final Users users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String demoPassword;
    private final vn.baucu.election.Elections elections;
    private final vn.baucu.voters.VoterLists voterLists;
    private final vn.baucu.candidates.Candidates candidates;
    private final vn.baucu.candidates.NominationProcess nominations;
    private final DemoElectionDay electionDay;
    private final DemoParty party;

    DemoData(AdminUnits units, Villages villages, HouseholdRegister register, Users users, JdbcClient jdbc, Clock clock,
             @Value("${BAUCU_DEMO_PASSWORD:}") String demoPassword, vn.baucu.election.Elections elections,
             vn.baucu.voters.VoterLists voterLists, vn.baucu.candidates.Candidates candidates,
             vn.baucu.candidates.NominationProcess nominations, DemoElectionDay electionDay, DemoParty party) {
        this.electionDay = electionDay;
        this.party = party;
        this.elections = elections;
        this.voterLists = voterLists;
        this.candidates = candidates;
        this.nominations = nominations;
        this.units = units;
        this.villages = villages;
        this.register = register;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.demoPassword = demoPassword;
    }

    public boolean loaded() {
        return jdbc.sql("select count(*) from demo_dataset where name = 'QUANG_NINH_2022'").query(Integer.class).single() > 0;
    }

    /** Loads the whole set in one transaction (nothing half-loaded), unless it is there already. */
    @Transactional
    public Summary load() {
        jdbc.sql("select pg_advisory_xact_lock(7305010004)").query().singleRow();
        if (loaded()) {
            log.info("baucu demo: Quảng Ninh demo data already loaded");
            return null;
        }
        long started = System.nanoTime();
        List<AdminUnit> communes = units.list(UnitLevel.COMMUNE, PROVINCE, ELECTION_DAY);
        log.info("baucu demo: [1/4] {} communes of Quảng Ninh as of {}; generating {} villages", communes.size(),
                ELECTION_DAY, VILLAGES);
        SplittableRandom random = new SplittableRandom(SEED);
        int[] perCommune = spread(VILLAGES, communes.size(), random, 0.5, 1.5);
        int[] households = spread(HOUSEHOLDS, VILLAGES, random, 0.35, 1.65);
        StringBuilder csv = new StringBuilder("ma_xa,ten,loai,so_ho\n");
        int v = 0;
        for (int c = 0; c < communes.size(); c++) {
            AdminUnit commune = communes.get(c);
            for (int i = 1; i <= perCommune[c]; i++, v++) {
                String[] nameAndKind = villageName(commune, i, random);
                csv.append(commune.code()).append(',').append(nameAndKind[0]).append(',').append(nameAndKind[1])
                        .append(',').append(households[v]).append('\n');
            }
        }
        List<AdminUnit> created = villages.importFile("demo-quang-ninh-villages.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), VILLAGES_FROM, "Dữ liệu mẫu (demo)");
        log.info("baucu demo: [2/4] {} villages created; moving them to the communes of 1/7/2025", created.size());
        int moved = villages.followCommuneReform(PROVINCE, REFORM);
        log.info("baucu demo: [3/4] {} villages moved; generating {} household representatives", moved, HOUSEHOLDS);
        int residents = register.bulkLoad(new Representatives(created, random), "DEMO",
                n -> { if (n % 100_000 < 20_000) { log.info("baucu demo:       {} representatives", n); } });
        createUsers();
        int lists = demoElection(random);
        log.info("baucu demo:       the 2022 village head election with {} contests: {} household lists, candidates, "
                + "Front meetings, posted lists and certified minutes", VILLAGES, lists);
        jdbc.sql("insert into demo_dataset (name, loaded_at) values ('QUANG_NINH_2022', :t)")
                .param("t", java.sql.Timestamp.from(clock.instant())).update();
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.info("baucu demo: [4/4] done in {} ms: {} villages, {} household representatives", ms, created.size(),
                residents);
        return new Summary(communes.size(), created.size(), residents, moved);
    }

    /** The commune whose villages get voter lists and candidates in the demo (the demo user qn.kalong's). */
    public static final String DEMO_COMMUNE = "06709";
    public static final String ELECTION_NAME = "Bầu trưởng thôn, trưởng khu phố tỉnh Quảng Ninh năm 2022 (demo)";

    /**
     * The 2022 village head election of the province (the 2008 rules: one to two candidates), complete: in every
     * village the household representatives' list imported from the register and posted, one or two candidates
     * proposed at the Front working committee's meeting with the cell committee's agreement, the official list
     * settled and posted; the configuration frozen; then polling day ({@link DemoElectionDay}): every meeting's minutes
     * entered twice, certified, the outcome computed and each head elected recognised. Returns the lists made.
     */
    private int demoElection(SplittableRandom random) {
        var election = elections.create(new vn.baucu.election.NewElection(vn.baucu.election.ElectionKind.VILLAGE_HEAD, null,
                vn.baucu.rules.RuleSet.VILLAGE_HEAD_2008, ELECTION_NAME, "2022-2025", ELECTION_DAY, PROVINCE));
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
        int lists = 0;
        List<AdminUnit> all = units.list(UnitLevel.VILLAGE, PROVINCE, ELECTION_DAY);
        for (AdminUnit village : all) {
            List<Resident> people = jdbc.sql("""
                            select village_code, household_no, full_name, sex, birth_date, personal_id, household_representative
                            from resident where source = 'DEMO' and village_code = :v and household_representative
                            order by household_no""")
                    .param("v", village.code())
                    .query((rs, i) -> new Resident(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                            rs.getDate(5).toLocalDate(), rs.getString(6), true)).list();
            if (people.isEmpty()) {
                continue;   // a village someone added by hand has no register to build a list from
            }
            StringBuilder csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Mã hộ,Đại diện hộ,Nơi cư trú\n");
            for (Resident r : people) {
                csv.append(r.fullName()).append(',').append(r.birthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                        .append(',').append(r.sex() == 'F' ? "Nữ" : "Nam").append(',').append(r.personalId()).append(',')
                        .append(r.householdNo()).append(",x,").append(village.name()).append('\n');
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            voterLists.confirm(election.id(), new vn.baucu.voters.VoterLists.Target(null, village.code()),
                    "ho-gia-dinh-" + village.code() + ".csv", () -> new java.io.ByteArrayInputStream(file), vi);
            long listId = jdbc.sql("select id from voter_list where election_id = :e and village_code = :v")
                    .param("e", election.id()).param("v", village.code()).query(Long.class).single();
            voterLists.recordPosting(listId, ELECTION_DAY.minusDays(10));
            lists++;

            java.util.Set<Resident> chosen = new java.util.LinkedHashSet<>();
            int wanted = random.nextInt(100) < 85 ? 2 : 1;     // one or two candidates (NQLT 09/2008, Điều 6)
            for (int tries = 0; tries < 10 && chosen.size() < wanted; tries++) {
                Resident r = people.get(random.nextInt(people.size()));
                if (!r.birthDate().plusYears(21).isAfter(ELECTION_DAY)) {
                    chosen.add(r);
                }
            }
            List<Long> proposed = new ArrayList<>();
            for (Resident r : chosen) {
                proposed.add(candidates.nominate(election.id(), village.code(), new vn.baucu.candidates.NewCandidate(
                        r.fullName(), null, r.birthDate(), r.sex(), r.personalId(), "Kinh", null, null, village.name(), "12/12",
                        null, "ELEMENTARY", random.nextInt(3) > 0, null, null, null, random.nextBoolean(), "INTRODUCED",
                        List.of(), true, ELECTION_DAY.minusDays(20))).id());
            }
            if (proposed.isEmpty()) {
                continue;
            }
            nominations.recordFrontMeeting(election.id(), village.code(), new vn.baucu.candidates.NominationProcess.FrontMeetingInput(
                    ELECTION_DAY.minusDays(18), (long) (7 + random.nextInt(5)),
                    VietnameseNameGenerator.fullName(random, random.nextBoolean() ? 'M' : 'F'), true, ELECTION_DAY.minusDays(17),
                    "Biên bản họp chi ủy (demo)", ELECTION_DAY.minusDays(16), proposed));
            candidates.finalizeList(election.id(), village.code());
            candidates.postList(election.id(), village.code(), ELECTION_DAY.minusDays(14));
            if (lists % 250 == 0) {
                log.info("baucu demo:       {} of {} villages have their household list and candidates", lists, all.size());
            }
        }
        // the whole set is one transaction, so autovacuum has not seen any of it yet: without statistics the planner
        // takes the fresh 346,663 voters for an empty table (PostgreSQL 15 then scanned them all for each minutes'
        // electorate, 0.25 s each); ANALYZE inside the transaction counts its own rows
        jdbc.sql("select baucu_analyze_demo()").query().listOfRows();
        // the steps of the calendar every commune completed on time (Kế hoạch 75/KH-UBND of the province; the
        // communes' decisions forming the election teams; the meetings themselves)
        elections.markDone(election.id(), "ELECTION_DECIDED", null, ELECTION_DAY.minusDays(41), "75/KH-UBND");
        elections.markDone(election.id(), "ELECTION_TEAM_FORMED", null, ELECTION_DAY.minusDays(12),
                "Quyết định của UBND các xã");
        elections.freeze(election.id());
        electionDay.countAndRecognise(election.id(), random);
        elections.markDone(election.id(), "MEETING", null, ELECTION_DAY, "Biên bản hội nghị cử tri");
        party.congresses(random);
        return lists;
    }

    public record Summary(int communes, int villages, int householdRepresentatives, int villagesMoved) {
    }

    private void createUsers() {
        String password = demoPassword.isBlank() ? "baucu-demo-2022" : demoPassword;
        createUser("qn.tinh", "Sở Nội vụ Quảng Ninh (demo)", Role.PROVINCE_OFFICIAL, PROVINCE, password);
        createUser("qn.kalong", "UBND phường Ka Long (demo)", Role.COMMUNE_OFFICIAL, "06709", password);
        createUser("qn.quansat", "Quan sát viên (demo)", Role.OBSERVER, PROVINCE, password);
        createUser(DemoElectionDay.CLERK_1, "Tổ nhập liệu Sở Nội vụ, người 1 (demo)", Role.PROVINCE_OFFICIAL, PROVINCE, password);
        createUser(DemoElectionDay.CLERK_2, "Tổ nhập liệu Sở Nội vụ, người 2 (demo)", Role.PROVINCE_OFFICIAL, PROVINCE, password);
        createUser(DemoParty.READER, "Tỉnh ủy Quảng Ninh (demo)", Role.PARTY_COMMITTEE, PROVINCE, password);
        createUser(DemoParty.CLERK_1, "Văn phòng Tỉnh ủy, người nhập 1 (demo)", Role.PARTY_COMMITTEE, PROVINCE, password);
        createUser(DemoParty.CLERK_2, "Văn phòng Tỉnh ủy, người nhập 2 (demo)", Role.PARTY_COMMITTEE, PROVINCE, password);
        log.info("baucu demo: demo users qn.tinh (province), qn.kalong (commune 06709), qn.quansat (observer), "
                + "qn.nhaplieu1 and qn.nhaplieu2 (the province's data-entry clerks), qn.tinhuy (the provincial Party "
                + "committee) with qn.vptu1 and qn.vptu2 (its office's clerks), "
                + "password {}", demoPassword.isBlank() ? "'baucu-demo-2022' (set BAUCU_DEMO_PASSWORD to change)"
                : "from BAUCU_DEMO_PASSWORD");
    }

    private void createUser(String username, String name, Role role, String unit, String password) {
        if (!users.exists(username)) {
            users.create(username, name, role, unit, password, "demo");
        }
    }

    private static String[] villageName(AdminUnit commune, int index, SplittableRandom random) {
        String kind = commune.kind();
        if (kind.equals("Phường") || kind.equals("Thị trấn")) {
            return new String[] {"Khu " + index, "khu"};
        }
        if (BAN_DISTRICTS.contains(commune.parentCode())) {
            return new String[] {"Bản " + VILLAGE_NAMES[(index * 7 + commune.code().hashCode() & 0xff) % VILLAGE_NAMES.length]
                + " " + index, "bản"};
        }
        return random.nextInt(3) == 0
                ? new String[] {"Thôn " + VILLAGE_NAMES[random.nextInt(VILLAGE_NAMES.length)] + " " + index, "thôn"}
                : new String[] {"Thôn " + index, "thôn"};
    }

    /** Splits {@code total} into {@code parts} positive shares with random weights in [lo, hi), summing exactly. */
    static int[] spread(int total, int parts, SplittableRandom random, double lo, double hi) {
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = lo + random.nextDouble() * (hi - lo);
            sum += weights[i];
        }
        int[] out = new int[parts];
        int assigned = 0;
        double[] remainders = new double[parts];
        for (int i = 0; i < parts; i++) {
            double exact = total * weights[i] / sum;
            out[i] = Math.max(1, (int) Math.floor(exact));
            remainders[i] = exact - Math.floor(exact);
            assigned += out[i];
        }
        // largest remainders take the units still to hand out (or give back any excess, smallest first)
        Integer[] order = new Integer[parts];
        for (int i = 0; i < parts; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; assigned < total; k = (k + 1) % parts, assigned++) {
            out[order[k]]++;
        }
        for (int k = parts - 1; assigned > total; k = (k - 1 + parts) % parts) {
            if (out[order[k]] > 1) {
                out[order[k]]--;
                assigned--;
            }
        }
        return out;
    }

    /** Streams one representative per household, so 346,663 rows never sit in memory at once. */
    private static final class Representatives implements Iterator<Resident> {
        private final List<AdminUnit> villages;
        private final SplittableRandom random;
        private final Map<String, Integer> serials = new HashMap<>();
        private int village;
        private int household;

        Representatives(List<AdminUnit> villages, SplittableRandom random) {
            this.villages = new ArrayList<>(villages);
            this.random = random;
        }

        @Override
        public boolean hasNext() {
            while (village < villages.size() && household >= villages.get(village).households()) {
                village++;
                household = 0;
            }
            return village < villages.size();
        }

        @Override
        public Resident next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AdminUnit v = villages.get(village);
            household++;
            char sex = random.nextInt(100) < 68 ? 'M' : 'F';
            LocalDate birth = ELECTION_DAY.minusYears(19 + random.nextInt(66)).minusDays(random.nextInt(365));
            return new Resident(v.code(), String.format("%04d", household),
                    VietnameseNameGenerator.fullName(random, sex), sex, birth, personalId(sex, birth), true);
        }

        /**
         * A 12-digit personal id in the CCCD layout: province of birth (022 Quảng Ninh), a digit for sex and
         * century (0/1 for men/women born 1900–1999, 2/3 for 2000–2099), two digits of the birth year and a
         * six-digit serial, unique within its prefix.
         */
        private String personalId(char sex, LocalDate birth) {
            int century = birth.getYear() >= 2000 ? 2 : 0;
            String prefix = "022" + (century + (sex == 'F' ? 1 : 0)) + String.format("%02d", birth.getYear() % 100);
            int serial = serials.merge(prefix, 1, Integer::sum);
            return prefix + String.format("%06d", serial * 7 % 1_000_000);
        }
    }
}
