package vn.baucu.election.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.baucu.election.rules.UnitsResolution.Parsed;
import vn.baucu.election.rules.UnitsResolution.Province;

class UnitsResolutionTest {

    static final Path DIR = Path.of("src/test/resources/fixtures/resolutions");

    @Test
    void readsTheWholeNq85Resolution() throws Exception {
        Parsed parsed = UnitsResolution.parse(Files.readString(DIR.resolve("na16_2026_electoral_units_NQ85.txt")));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.provinces()).hasSize(34);
        assertThat(parsed.provinces().stream().mapToInt(p -> p.units().size()).sum()).isEqualTo(182);
        assertThat(parsed.provinces().stream().flatMap(p -> p.units().stream()).mapToInt(u -> u.seats()).sum()).isEqualTo(500);
        assertThat(parsed.provinces().stream().flatMap(p -> p.units().stream()).mapToInt(u -> u.communes().size()).sum())
                .isEqualTo(3321);
        // every province's declared totals agree with its units (the published check figures)
        Map<String, Province> byName = parsed.provinces().stream().collect(Collectors.toMap(Province::name, Function.identity()));
        List<String> rows = Files.readAllLines(DIR.resolve("na16_2026_units_seats_by_province.csv"), StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            Province p = byName.get(c[1]);
            assertThat(p).as(c[1]).isNotNull();
            assertThat(p.declaredUnits()).as(c[1]).isEqualTo(Integer.parseInt(c[2]));
            assertThat(p.declaredSeats()).as(c[1]).isEqualTo(Integer.parseInt(c[3]));
            assertThat(p.units()).as(c[1]).hasSize(Integer.parseInt(c[4]));
            assertThat(p.units().stream().mapToInt(u -> u.seats()).sum()).as(c[1]).isEqualTo(Integer.parseInt(c[5]));
        }
        Province qn = byName.get("Tỉnh Quảng Ninh");
        assertThat(qn.units()).extracting(u -> u.communes().size()).containsExactly(14, 11, 29);
    }

    @Test
    void readsTheShapesOfCommuneLists() {
        var problems = new java.util.ArrayList<vn.baucu.rules.Finding>();
        assertThat(UnitsResolution.communes(": các phường: Ba Đình, Văn Miếu - Quốc Tử Giám và các xã: Hoài Đức; Ô Diên.", 1, problems))
                .extracting(UnitsResolution.CommuneRef::type, UnitsResolution.CommuneRef::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phường", "Ba Đình"),
                        org.assertj.core.groups.Tuple.tuple("phường", "Văn Miếu - Quốc Tử Giám"),
                        org.assertj.core.groups.Tuple.tuple("xã", "Hoài Đức"), org.assertj.core.groups.Tuple.tuple("xã", "Ô Diên"));
        assertThat(UnitsResolution.communes(" phường Thanh Liệt và các xã: Thanh Trì, Đại Thanh.", 1, problems))
                .extracting(UnitsResolution.CommuneRef::name).containsExactly("Thanh Liệt", "Thanh Trì", "Đại Thanh");
        assertThat(UnitsResolution.communes(" các xã: Cư M’gar và đặc khu Côn Đảo.", 1, problems))
                .extracting(UnitsResolution.CommuneRef::type).containsExactly("xã", "đặc khu");
        assertThat(problems).isEmpty();
    }

    /**
     * A line with a long run of white space is read in linear time. Before, the line's patterns backtracked over the
     * run: 40,000 spaces took 15 s and 200,000 would have taken minutes (found when {@code UnitsResolutionFuzzTest} ran
     * at 20 inputs a second).
     * The bound is a hang check, a thousand times what the read takes now.
     */
    @Test
    void aLineWithALongRunOfSpacesDoesNotHang() {
        String spaces = " ".repeat(200_000);
        String text = "1- Tỉnh A" + spaces + "x\nSố đơn vị bầu cử là" + spaces + "một.\nĐơn vị số 1:\nGồm các xã: Một" + spaces
                + "Hai\nSố đại biểu Quốc hội được bầu là ba.";
        Parsed parsed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> UnitsResolution.parse(text));
        assertThat(parsed.provinces()).extracting(Province::name).containsExactly("Tỉnh A x");
        assertThat(parsed.provinces().get(0).declaredUnits()).isEqualTo(1);
        assertThat(parsed.provinces().get(0).units().get(0).communes()).extracting(UnitsResolution.CommuneRef::name)
                .containsExactly("Một Hai");
    }
}
