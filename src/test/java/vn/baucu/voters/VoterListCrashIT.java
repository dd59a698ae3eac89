package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.platform.Authorization;
import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;

/**
 * A confirmed import whose database session dies in the middle of the COPY — what a crash or a kill of
 * the application looks like to PostgreSQL — leaves the list exactly as it was; the same file then
 * imports cleanly.
 */
@BaucuIntegrationTest
class VoterListCrashIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    VoterLists voterLists;

    @Test
    void aSessionKilledMidImportLeavesTheListAsBefore() throws Exception {
        long election = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH sự cố\",\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        int number = 100_000 + (int) (Math.random() * 800_000);
        String a = mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2027-05-23\",\"number\":" + number + ",\"name\":\"KV sự cố\",\"voters\":3000}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long area = Long.parseLong(a.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        var target = new VoterLists.Target(area, null);
        String header = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n";
        byte[] small = (header + "Mai Văn Cũ,01/01/1980,Nam,022080900001\nMai Thị Cũ,02/02/1981,Nữ,022181900002\n")
                .getBytes(StandardCharsets.UTF_8);
        Authorization.runAsSystem(() -> voterLists.confirm(election, target, "cu.csv", () -> new ByteArrayInputStream(small),
                Locale.forLanguageTag("vi")));

        StringBuilder csv = new StringBuilder(header);
        for (int i = 0; i < 40_000; i++) {
            csv.append("Người Thứ ").append(i).append(",03/03/1985,Nam,022085").append(String.format("%06d", i)).append('\n');
        }
        byte[] big = csv.toString().getBytes(StandardCharsets.UTF_8);
        boolean[] killed = {false};
        assertThatThrownBy(() -> Authorization.runAsSystem(() -> voterLists.confirm(election, target, "moi.csv",
                () -> new ByteArrayInputStream(big), Locale.forLanguageTag("vi"), done -> {
                    if (done == 10_000 && !killed[0]) {
                        killed[0] = terminateCopy();
                    }
                }))).isInstanceOf(RuntimeException.class);
        assertThat(killed[0]).as("the importing session was terminated mid-COPY").isTrue();

        assertThat(jdbc.sql("select file_name || ':' || entries from voter_list where election_id = :e").param("e", election)
                .query(String.class).list()).containsExactly("cu.csv:2");
        assertThat(jdbc.sql("select count(*) from voter_entry where election_id = :e").param("e", election)
                .query(Integer.class).single()).isEqualTo(2);

        var report = Authorization.runAsSystem(() -> voterLists.confirm(election, target, "moi.csv",
                () -> new ByteArrayInputStream(big), Locale.forLanguageTag("vi")));
        assertThat(report.accepted()).isEqualTo(40_000);
        assertThat(jdbc.sql("select count(*) from voter_entry where election_id = :e").param("e", election)
                .query(Integer.class).single()).isEqualTo(40_000);
    }

    /** From another connection, ends the backend running the import's COPY, as a crash would. */
    private boolean terminateCopy() {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("""
                     select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                     where pid <> pg_backend_pid() and query ilike 'copy voter_entry%'""")) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
