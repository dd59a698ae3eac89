package vn.baucu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.support.BaucuIntegrationTest;

/** The Quảng Ninh demo set: the seed scenario's figures, in the 2022 structure and after the reform. */
@BaucuIntegrationTest
class DemoDataIT {

    @Autowired
    DemoData demo;
    @Autowired
    AdminUnits units;
    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsQuangNinhWithItsVillagesAndHouseholdRepresentatives() {
        Authorization.runAsSystem(demo::load);
        assertThat(demo.loaded()).isTrue();
        assertThat(Authorization.runAsSystem(demo::load)).as("a second load does nothing").isNull();

        List<AdminUnit> villages2022 = Authorization.runAsSystem(() ->
                units.list(UnitLevel.VILLAGE, DemoData.PROVINCE, DemoData.ELECTION_DAY)).stream()
                .filter(v -> "DEMO".equals(v.source()) || "IMPORT".equals(v.source())).toList();
        List<String> demoCodes = jdbc.sql("select distinct village_code from resident where source = 'DEMO'")
                .query(String.class).list();
        assertThat(demoCodes).hasSize(DemoData.VILLAGES);
        assertThat(villages2022.stream().filter(v -> demoCodes.contains(v.code()))).hasSize(DemoData.VILLAGES);
        assertThat(villages2022.stream().filter(v -> demoCodes.contains(v.code())).mapToInt(AdminUnit::households).sum())
                .isEqualTo(DemoData.HOUSEHOLDS);
        assertThat(units.list(UnitLevel.DISTRICT, "22", DemoData.ELECTION_DAY)).hasSize(13);
        assertThat(units.list(UnitLevel.COMMUNE, "22", DemoData.ELECTION_DAY)).hasSize(171);

        // one representative per household, every village's register matching its recorded household count
        Integer mismatched = jdbc.sql("""
                select count(*) from admin_unit v
                where v.level = 'VILLAGE' and v.valid_to = '2025-07-01' and v.code in (select village_code from resident where source = 'DEMO')
                  and v.households <> (select count(*) from resident r where r.village_code = v.code and r.household_representative)""")
                .query(Integer.class).single();
        assertThat(mismatched).isZero();
        Long representatives = jdbc.sql("select count(*) from resident where source = 'DEMO' and household_representative")
                .query(Long.class).single();
        assertThat(representatives).isEqualTo(DemoData.HOUSEHOLDS);
        Integer underage = jdbc.sql("select count(*) from resident where source = 'DEMO' and birth_date > :d")
                .param("d", java.sql.Date.valueOf(DemoData.ELECTION_DAY.minusYears(18))).query(Integer.class).single();
        assertThat(underage).as("every representative is a voter on election day").isZero();

        // the 2022 election: a contest per village; in Ka Long every village's household list (matching the
        // households the commune recorded), posted, and a settled list of one or two candidates from the Front meeting
        long election = jdbc.sql("select id from election where name = :n").param("n", DemoData.ELECTION_NAME)
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from contest where election_id = :e").param("e", election).query(Integer.class).single())
                .isGreaterThanOrEqualTo(DemoData.VILLAGES);
        List<String> kaLong = jdbc.sql("""
                select v.code from admin_unit v join admin_unit c on c.id = v.parent_id
                where v.level = 'VILLAGE' and c.code = :c and v.valid_to = '2025-07-01'
                  and v.code in (select village_code from resident where source = 'DEMO')""")
                .param("c", DemoData.DEMO_COMMUNE).query(String.class).list();
        assertThat(kaLong).isNotEmpty();
        assertThat(jdbc.sql("""
                select count(*) from voter_list l join admin_unit v on v.code = l.village_code and v.valid_to = '2025-07-01'
                where l.election_id = :e and l.households = v.households and l.entries = v.households and l.posted_on is not null""")
                .param("e", election).query(Integer.class).single()).isEqualTo(kaLong.size());
        // posting the lists and sending the Front meetings' minutes completed Ka Long's milestones, on time
        for (String code : List.of("VOTER_LIST_POSTED", "CANDIDATE_LIST_SUBMITTED")) {
            assertThat(jdbc.sql("""
                    select count(*) from milestone m join contest c on c.id = m.contest_id
                    where m.election_id = :e and c.commune_code = :c and m.code = :code and m.done_on <= m.due_date""")
                    .param("e", election).param("c", DemoData.DEMO_COMMUNE).param("code", code).query(Integer.class).single())
                    .as(code).isGreaterThanOrEqualTo(kaLong.size());
        }
        assertThat(jdbc.sql("""
                select count(distinct c.place_code) from candidate k join contest c on c.id = k.contest_id
                where k.election_id = :e and k.list_position is not null and k.list_posted_on is not null""")
                .param("e", election).query(Integer.class).single()).isEqualTo(kaLong.size());

        // after the reform every demo village sits under one of the 54 new communes
        List<AdminUnit> villagesNow = Authorization.runAsSystem(() ->
                units.list(UnitLevel.VILLAGE, DemoData.PROVINCE, LocalDate.of(2026, 3, 15)));
        assertThat(villagesNow.stream().filter(v -> demoCodes.contains(v.code()))).hasSize(DemoData.VILLAGES)
                .allSatisfy(v -> assertThat(v.validFrom()).isEqualTo(DemoData.REFORM));
    }

    @Test
    void namesLookVietnameseAndIdsAreWellFormed() {
        Authorization.runAsSystem(demo::load);
        List<String> sample = jdbc.sql("select full_name from resident where source = 'DEMO' order by id limit 200")
                .query(String.class).list();
        assertThat(sample).allSatisfy(n -> assertThat(n.split(" ")).hasSizeBetween(3, 4));
        assertThat(sample.stream().filter(n -> n.startsWith("Nguyễn ")).count()).isBetween(40L, 120L);
        Integer badIds = jdbc.sql("select count(*) from resident where source = 'DEMO' and personal_id !~ '^022[0-3][0-9]{8}$'")
                .query(Integer.class).single();
        assertThat(badIds).isZero();
    }
}
