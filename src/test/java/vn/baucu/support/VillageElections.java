package vn.baucu.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import vn.baucu.candidates.Candidates;
import vn.baucu.candidates.NewCandidate;
import vn.baucu.candidates.NominationProcess;
import vn.baucu.election.ElectionKind;
import vn.baucu.election.Elections;
import vn.baucu.election.NewElection;
import vn.baucu.geography.NewVillage;
import vn.baucu.geography.VillageKind;
import vn.baucu.geography.Villages;
import vn.baucu.platform.Authorization;
import vn.baucu.rules.RuleSet;
import vn.baucu.voters.VoterLists;

/**
 * Builds a village head election up to polling day through the real facades, as the commune would: a new village
 * of {@code households} households, an election of that village, its household representatives' list imported, two
 * candidates proposed at the Front working committee's meeting with the cell committee's agreement, the list settled
 * and posted, and the configuration frozen.
 */
@Component
public class VillageElections {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Long",
        "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Yến"};

    /** What was built: the election, the village (a contest's place code), its commune and the two candidates. */
    public record Built(long electionId, String villageCode, String communeCode, List<Long> candidateIds, int households) {
        public String first() {
            return String.valueOf(candidateIds.get(0));
        }

        public String second() {
            return String.valueOf(candidateIds.get(1));
        }
    }

    private final Villages villages;
    private final Elections elections;
    private final VoterLists voterLists;
    private final Candidates candidates;
    private final NominationProcess nominations;

    VillageElections(Villages villages, Elections elections, VoterLists voterLists, Candidates candidates,
                     NominationProcess nominations) {
        this.villages = villages;
        this.elections = elections;
        this.voterLists = voterLists;
        this.candidates = candidates;
        this.nominations = nominations;
    }

    /**
     * The commune the test villages are made in: Trúc Bạch (Hà Nội), not a Quảng Ninh commune, whose 1,452 villages of
     * 2022 the demo's province-wide tests count.
     */
    public static final String COMMUNE = "00004";
    public static final String PROVINCE = "01";

    /** A frozen village head election of a new village of Trúc Bạch on 5/6/2022 under the 2008 rules. */
    public Built frozen(int households) {
        return frozen(COMMUNE, RuleSet.VILLAGE_HEAD_2008, LocalDate.of(2022, 6, 5), households);
    }

    public Built frozen(String communeCode, RuleSet ruleSet, LocalDate day, int households) {
        return Authorization.runAsSystem(() -> build(communeCode, ruleSet, day, households, true));
    }

    /** The same election with its list and two nominees, before the Front working committee's meeting. */
    public Built nominated(int households) {
        return Authorization.runAsSystem(() -> build(COMMUNE, RuleSet.VILLAGE_HEAD_2008, LocalDate.of(2022, 6, 5), households,
                false));
    }

    private Built build(String communeCode, RuleSet ruleSet, LocalDate day, int households, boolean toPollingDay) {
        var random = ThreadLocalRandom.current();
        // six digits always: the official PDF wraps its lines by the name's width, which the golden text depends on
        String name = "Thôn Kiểm Phiếu " + random.nextInt(100_000, 1_000_000);
        var village = villages.create(communeCode, new NewVillage(name, VillageKind.THON, households), day.minusYears(1),
                "QĐ thành lập (kiểm thử)");
        long election = elections.create(new NewElection(ElectionKind.VILLAGE_HEAD, null, ruleSet,
                "Bầu trưởng thôn " + name, day.getYear() + "-" + (day.getYear() + 3), day, village.code())).id();
        StringBuilder csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Mã hộ,Đại diện hộ,Nơi cư trú\n");
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        int serialBase = random.nextInt(0, 900_000);
        for (int h = 1; h <= households; h++) {
            boolean woman = h % 3 == 0;
            LocalDate born = LocalDate.of(1950 + h % 45, 1 + h % 12, 1 + h % 28);
            String id = "022" + (woman ? "1" : "0") + String.format("%02d", born.getYear() % 100)
                    + String.format("%06d", (serialBase + h) % 1_000_000);
            String full = FAMILY[h % FAMILY.length] + " " + (woman ? "Thị" : MIDDLE[h % MIDDLE.length]) + " "
                    + GIVEN[(h / 3) % GIVEN.length];
            csv.append(full).append(',').append(born.format(dmy)).append(',').append(woman ? "Nữ" : "Nam").append(',')
                    .append(id).append(',').append(String.format("H%04d", h)).append(",x,").append(name).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        voterLists.confirm(election, new VoterLists.Target(null, village.code()), "ho-" + village.code() + ".csv",
                () -> new ByteArrayInputStream(file), Locale.forLanguageTag("vi"));
        List<Long> ids = new ArrayList<>();
        for (String[] c : List.of(new String[] {"Phạm Văn Kiểm", "M", "1970-03-04"},
                new String[] {"Lê Thị Phiếu", "F", "1975-08-09"})) {
            LocalDate born = LocalDate.parse(c[2]);
            // random over all 12 digits: the same person twice on one day is a same-day candidacy, so no collisions
            String personalId = String.format("%012d", random.nextLong(0, 1_000_000_000_000L));
            ids.add(candidates.nominate(election, village.code(), new NewCandidate(c[0], null, born,
                    c[1].charAt(0), personalId, "Kinh", null, null, name, "12/12", null, "ELEMENTARY", true, null, null, null,
                    false, "INTRODUCED", List.of(), true, day.minusDays(20))).id());
        }
        if (!toPollingDay) {
            return new Built(election, village.code(), communeCode, ids, households);
        }
        nominations.recordFrontMeeting(election, village.code(), new NominationProcess.FrontMeetingInput(day.minusDays(18),
                9L, "Trần Thị Mặt Trận", true, day.minusDays(17), "Biên bản chi ủy số 1", day.minusDays(16), ids));
        candidates.finalizeList(election, village.code());
        candidates.postList(election, village.code(), day.minusDays(14));
        elections.freeze(election);
        return new Built(election, village.code(), communeCode, ids, households);
    }
}
