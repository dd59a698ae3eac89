package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;

/**
 * The keys of voter_entry, checked once per statement instead of per row (V19): an entry must name an existing
 * list of its own election, and a list that has entries cannot be deleted — refused by the database itself.
 */
@BaucuIntegrationTest
class VoterEntryIntegrityIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void anEntryOfNoListOrOfAnotherElectionIsRefusedAndAListWithEntriesStays() throws Exception {
        long election = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH khóa\",\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        long other = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH khác\",\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        String area = mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2027-05-23\",\"number\":" + (100_000 + (int) (Math.random() * 800_000))
                                + ",\"name\":\"KV khóa\",\"voters\":800}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*?\"id\":(\\d+).*", "$1");
        long list = jdbc.sql("""
                        insert into voter_list (election_id, polling_area_id, commune_code, file_name, sha256, entries,
                                                households, imported_at, imported_by)
                        values (:e, :a, '06709', 'x', repeat('0', 64), 0, 0, now(), 'test') returning id""")
                .param("e", election).param("a", Long.parseLong(area)).query(Long.class).single();
        String insert = """
                insert into voter_entry (voter_list_id, election_id, row_no, full_name, search_key, birth_date, sex)
                values (:l, :e, 2, 'A B', 'a b', date '1980-01-01', 'M')""";
        jdbc.sql(insert).param("l", list).param("e", election).update();
        assertThatThrownBy(() -> jdbc.sql(insert).param("l", list).param("e", other).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("another election");
        assertThatThrownBy(() -> jdbc.sql(insert).param("l", -1L).param("e", election).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from voter_list where id = :l").param("l", list).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("with entries");
        assertThat(jdbc.sql("select count(*) from voter_entry where voter_list_id = :l").param("l", list)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
