package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.baucu.rules.Composition.Profile;

class CompositionTest {

    /**
     * Sóc Trăng 2022 (issue fixture): 60 candidates, 6 women (10%), 29 re-running (48.33%), 31 first-time
     * (published as 51.66%: truncated; the shared half-up policy gives 51.67), 19 ethnic minority
     * (published 31.66%; half-up 31.67).
     */
    static List<Profile> socTrang() {
        List<Profile> people = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            people.add(new Profile(i < 6 ? 'F' : 'M', i < 29, i % 60 >= 41 ? "Khmer" : "Kinh",
                    i < 12 ? "Thạc sĩ Luật" : "Đại học", i < 20 ? "ADVANCED" : "INTERMEDIATE", i < 50));
        }
        return people;
    }

    @Test
    void socTrangSharesFollowTheSharedPolicy() {
        var r = Composition.of(socTrang());
        assertThat(r.total()).isEqualTo(60);
        assertThat(r.share("WOMEN").percent()).isEqualTo("10.00");
        assertThat(r.share("INCUMBENT").percent()).isEqualTo("48.33");
        assertThat(r.share("FIRST_TIME").percent()).isEqualTo("51.67");
        assertThat(r.share("ETHNIC_MINORITY").percent()).isEqualTo("31.67");
        assertThat(r.share("ETHNIC_MINORITY").of()).as("the denominator is stated").isEqualTo(60);
        assertThat(r.share("POSTGRADUATE").percent()).isEqualTo("20.00");
    }

    @Test
    void naQuotasFlagTooFewWomen() {
        assertThat(Composition.naQuotas(Composition.of(socTrang()))).extracting(Finding::code).containsExactly("Q-101");
    }
}
