package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Standing on the same day (Luật 85/2015/QH13, Điều 36 khoản 3, Điều 57 khoản 5): the new candidacy, the person's
 * other candidacies (kind:level:contest), and the codes expected.
 */
class SameDayCandidaciesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
        "first candidacy;                         NATIONAL_ASSEMBLY; -;        -;                                   -",
        "the same contest twice;                  PEOPLES_COUNCIL;   PROVINCE; PEOPLES_COUNCIL:PROVINCE:7;          K-104",
        "a second NA unit;                        NATIONAL_ASSEMBLY; -;        NATIONAL_ASSEMBLY::3;                K-102",
        "two HĐND levels;                         PEOPLES_COUNCIL;   COMMUNE;  PEOPLES_COUNCIL:PROVINCE:3;          -",
        "three HĐND levels;                       PEOPLES_COUNCIL;   COMMUNE;  PEOPLES_COUNCIL:PROVINCE:3 PEOPLES_COUNCIL:DISTRICT:4; K-103",
        "NA and one HĐND level;                   PEOPLES_COUNCIL;   PROVINCE; NATIONAL_ASSEMBLY::3;                -",
        "NA and two HĐND levels;                  PEOPLES_COUNCIL;   COMMUNE;  NATIONAL_ASSEMBLY::3 PEOPLES_COUNCIL:PROVINCE:4; K-103",
        "NA after two HĐND levels;                NATIONAL_ASSEMBLY; -;        PEOPLES_COUNCIL:PROVINCE:3 PEOPLES_COUNCIL:COMMUNE:4; K-103",
        "a village head on the same day is free;  VILLAGE_HEAD;      -;        NATIONAL_ASSEMBLY::3;                -",
    })
    void candidacy(String name, RuleSet.Kind kind, String level, String others, String expected) {
        List<SameDayCandidacies.Candidacy> list = new ArrayList<>();
        if (others != null) {
            for (String o : others.strip().split(" ")) {
                String[] p = o.split(":", -1);
                list.add(new SameDayCandidacies.Candidacy(RuleSet.Kind.valueOf(p[0]), p[1], Long.parseLong(p[2])));
            }
        }
        var codes = SameDayCandidacies.check(kind, level, 7, list, "Người Thử").stream().map(Finding::code).toList();
        assertThat(codes).as(name).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }
}
