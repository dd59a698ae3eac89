package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.Pages;
import vn.baucu.support.TestUsers;

/**
 * A commune clerk imports a 100,000-row list through the page: the progress bar moves while the import
 * runs (its writes go on their own connection, not the one busy with the COPY), the import finishes, and
 * only the clerk who started it can follow the job.
 */
@BaucuIntegrationTest
class VoterListBigImportPageIT {

    static final int ROWS = 100_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHundredThousandRowsThroughThePageWithProgressSeenMoving() throws Exception {
        long election = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH trang lớn\",\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        int number = 100_000 + (int) (Math.random() * 800_000);
        String a = mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2027-05-23\",\"number\":" + number + ",\"name\":\"KV lớn\",\"voters\":4000}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String area = a.replaceAll(".*?\"id\":(\\d+).*", "$1");
        StringBuilder csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Nguyễn Văn Số ").append(i).append(",03/03/1985,Nam,022085").append(String.format("%06d", i)).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        String clerk = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        Cookie session = Pages.login(mvc, clerk, TestUsers.PASSWORD);
        String checked = mvc.perform(multipart("/elections/" + election + "/voter-lists/check").cookie(session).with(csrf())
                        .file(new MockMultipartFile("file", "lon.csv", "text/csv", file)).param("pollingArea", area))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(checked);
        assertThat(token.find()).as("the clean file can be confirmed").isTrue();

        String started = mvc.perform(post("/elections/" + election + "/voter-lists/confirm").cookie(session).with(csrf())
                        .param("token", token.group(1)).param("pollingArea", area))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher job = Pattern.compile("/voter-lists/jobs/([0-9a-f-]{36})").matcher(started);
        assertThat(job.find()).isTrue();
        String jobUrl = "/elections/" + election + "/voter-lists/jobs/" + job.group(1);

        List<Long> seen = new ArrayList<>();
        String progress = "";
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!progress.contains("alert ok") && !progress.contains("alert error") && System.nanoTime() < deadline) {
            progress = Pages.page(mvc, session, jobUrl);
            Matcher m = Pattern.compile("<progress max=\"100\" value=\"(\\d+)\"").matcher(progress);
            if (m.find()) {
                seen.add(Long.parseLong(m.group(1)));
            }
            Thread.sleep(20);
        }
        assertThat(progress).as("the import finished").contains("alert ok").contains("100.000");
        assertThat(seen).as("progress seen strictly between 0%% and 100%% while the import ran: %s", seen)
                .anyMatch(p -> p > 0 && p < 100);
        assertThat(jdbc.sql("select count(*) from voter_entry where election_id = :e").param("e", election)
                .query(Integer.class).single()).isEqualTo(ROWS);
        assertThat(jdbc.sql("select status from import_job where id = cast(:id as uuid)").param("id", job.group(1))
                .query(String.class).single()).isEqualTo("DONE");

        // another official of the same commune cannot follow (or learn anything of) this clerk's job
        String other = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        mvc.perform(get(jobUrl).cookie(Pages.login(mvc, other, TestUsers.PASSWORD))).andExpect(status().isNotFound());
        // nor stage a file for a commune outside their scope, nor as an observer
        String observer = TestUsers.create(users, Role.OBSERVER, "22");
        mvc.perform(multipart("/elections/" + election + "/voter-lists/check")
                        .cookie(Pages.login(mvc, observer, TestUsers.PASSWORD)).with(csrf())
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", file)).param("pollingArea", area))
                .andExpect(status().isForbidden());
    }
}
