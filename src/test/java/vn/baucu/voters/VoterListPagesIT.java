package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.support.BaucuIntegrationTest;

/** The clerk uploads, reads the report, confirms, and watches the import's progress until it is done. */
@BaucuIntegrationTest
class VoterListPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    vn.baucu.platform.Users users;

    @Test
    void uploadCheckConfirmAndFollowTheProgress() throws Exception {
        String e = mvc.perform(post("/api/v1/elections").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"QH thử\","
                                + "\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}"))
                .andReturn().getResponse().getContentAsString();
        long election = Long.parseLong(e.replaceAll(".*\"id\":(\\d+).*", "$1"));
        int number = 100_000 + (int) (Math.random() * 800_000);
        String a = mvc.perform(post("/api/v1/communes/06709/polling-areas").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2027-05-23\",\"number\":" + number + ",\"name\":\"KV\",\"voters\":800}"))
                .andReturn().getResponse().getContentAsString();
        String area = a.replaceAll(".*?\"id\":(\\d+).*", "$1");
        Cookie session = vn.baucu.support.Pages.login(mvc, "admin", "admin-test-password");
        // the clerk picks the polling area from the commune's list instead of typing an id
        String form = mvc.perform(get("/elections/" + election + "/voter-lists").param("commune", "06709").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("<select id=\"v-target\" name=\"pollingArea\"")
                .contains("<option value=\"" + area + "\">" + number + " — KV</option>");
        String suffix = String.format("%06d", number % 1_000_000);
        String good = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\nĐinh Thị Thu,01/01/1990,Nữ,022190" + suffix + "\n";
        String bad = good + "Quá Trẻ,01/01/2012,Nam,022212" + suffix + "\n";

        String rejected = mvc.perform(multipart("/elections/" + election + "/voter-lists/check").cookie(session).with(csrf())
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .param("pollingArea", area))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("VOTER_TOO_YOUNG")))
                .andExpect(content().string(containsString("Hãy sửa các lỗi")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rejected).doesNotContain("name=\"token\"");
        // the clerk downloads the rows with problems, with the added "Lỗi" column, to fix them
        Matcher errors = Pattern.compile("href=\"(/elections/\\d+/voter-lists/staged/[0-9a-f-]{36}/errors)\"").matcher(rejected);
        assertThat(errors.find()).as("a link to the error file").isTrue();
        String errorFile = mvc.perform(get(errors.group(1)).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(errorFile).contains("Lỗi").contains("Quá Trẻ").doesNotContain("Đinh Thị Thu");
        String other = vn.baucu.support.TestUsers.create(users, vn.baucu.platform.Role.COMMUNE_OFFICIAL, "06709");
        mvc.perform(get(errors.group(1)).cookie(vn.baucu.support.Pages.login(mvc, other, vn.baucu.support.TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());

        String page = mvc.perform(multipart("/elections/" + election + "/voter-lists/check").cookie(session).with(csrf())
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .param("pollingArea", area))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(token.find()).as("a confirm button with the staged upload").isTrue();

        String started = mvc.perform(post("/elections/" + election + "/voter-lists/confirm").cookie(session).with(csrf())
                        .param("token", token.group(1)).param("pollingArea", area))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher job = Pattern.compile("/voter-lists/jobs/([0-9a-f-]{36})").matcher(started);
        assertThat(job.find()).as("the page polls the job").isTrue();
        String progress = "";
        for (int i = 0; i < 50 && !progress.contains("alert ok"); i++) {
            Thread.sleep(100);
            progress = mvc.perform(get("/elections/" + election + "/voter-lists/jobs/" + job.group(1)).cookie(session))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        assertThat(progress).contains("Đã nhập 1 cử tri").contains("value=\"100\"");
    }
}
