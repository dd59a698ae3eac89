package vn.baucu.results.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The portal's levels from a results document: what each page lists, and the crumbs back up. */
class PortalTreeTest {

    static Map<String, Object> unit(String code, String level, String parent) {
        Map<String, Object> u = new HashMap<>();
        u.put("code", code);
        u.put("name", "Đơn vị " + code);
        u.put("level", level);
        u.put("parentCode", parent);
        return u;
    }

    static Map<String, Object> contest(String place, String unit) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("place", place);
        c.put("unitCode", unit);
        c.put("minutes", List.of(Map.of("sha256", "ab")));
        return c;
    }

    static Map<String, Object> doc(List<Map<String, Object>> units, List<Map<String, Object>> contests) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("election", Map.of("name", "Bầu cử"));
        d.put("summary", Map.of("contests", contests.size()));
        d.put("units", units);
        d.put("contests", contests);
        return d;
    }

    static List<Object> codes(List<Map<String, Object>> rows, String key) {
        List<Object> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get(key)));
        return out;
    }

    @Test
    void aProvincialElectionOpensOnItsProvinceAndDrillsDownToTheVillagesOfACommune() {
        PortalTree tree = PortalTree.of(doc(
                List.of(unit("22", "PROVINCE", null), unit("193", "DISTRICT", "22"), unit("194", "DISTRICT", "22"),
                        unit("06649", "COMMUNE", "193"), unit("06650", "COMMUNE", "193")),
                List.of(contest("06649-1", "06649"), contest("06649-2", "06649"), contest("06650-1", "06650"),
                        contest("x-1", "99999"))));
        PortalTree.Level top = tree.top();
        assertThat(top.unit().get("code")).isEqualTo("22");
        assertThat(codes(top.units(), "code")).containsExactly("193", "194");
        assertThat(codes(top.contests(), "place")).as("a contest outside every unit stays within reach").containsExactly("x-1");

        PortalTree.Level commune = tree.at("06649");
        assertThat(codes(commune.contests(), "place")).containsExactly("06649-1", "06649-2");
        assertThat(commune.units()).isEmpty();
        assertThat(codes(commune.crumbs(), "code")).as("the province is the election's own page").containsExactly("193");
        assertThat(commune.contests().get(0)).as("the minutes stay on the contest page").doesNotContainKey("minutes");

        assertThat(codes(tree.at("193").units(), "code")).containsExactly("06649", "06650");
        assertThat(tree.at("193").crumbs()).isEmpty();
        assertThat(tree.at("99999")).isNull();
        assertThat(codes(tree.aboveContest(contest("06650-1", "06650")), "code")).containsExactly("193", "06650");
    }

    @Test
    void aNationalElectionListsItsProvincesAndEachProvinceItsElectoralUnits() {
        PortalTree tree = PortalTree.of(doc(
                List.of(unit("01", "PROVINCE", null), unit("22", "PROVINCE", null), unit("00004", "COMMUNE", "01"),
                        unit("06649", "COMMUNE", "22")),
                List.of(contest("01-1", "01"), contest("01-2", "01"), contest("22-1", "22"))));
        PortalTree.Level top = tree.top();
        assertThat(top.unit()).isNull();
        assertThat(codes(top.units(), "code")).containsExactly("01", "22");
        assertThat(top.contests()).isEmpty();
        PortalTree.Level hanoi = tree.at("01");
        assertThat(codes(hanoi.contests(), "place")).containsExactly("01-1", "01-2");
        assertThat(codes(hanoi.units(), "code")).containsExactly("00004");
        assertThat(hanoi.crumbs()).isEmpty();
        assertThat(codes(tree.at("06649").crumbs(), "code")).containsExactly("22");
        assertThat(codes(tree.aboveContest(contest("22-1", "22")), "code")).containsExactly("22");
    }
}
