package vn.baucu.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;

/** Login, lockout, CSRF, scope by administrative unit, public endpoints. */
@BaucuIntegrationTest
class SecurityIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;

    @Test
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        String name = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        mvc.perform(get("/api/v1/admin-units").with(httpBasic(name, TestUsers.PASSWORD))).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/admin-units").with(httpBasic(name, "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/admin-units").with(httpBasic(name, TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("khóa")));
        mvc.perform(formLogin("/login").user(name).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void fourWrongPasswordsThenARightOneResetTheCount() throws Exception {
        String name = TestUsers.create(users, Role.OBSERVER, "22");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(formLogin("/login").user(name).password("wrong")).andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(formLogin("/login").user(name).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void formPostsNeedTheCsrfToken() throws Exception {
        Cookie session = login("admin", "admin-test-password");
        mvc.perform(post("/units/00001/villages").cookie(session).param("name", "Thôn CSRF").param("kind", "thôn")
                        .param("households", "10"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/units/00001/villages").cookie(session).with(csrf())
                        .param("name", "Thôn CSRF " + UUID.randomUUID().toString().substring(0, 6))
                        .param("kind", "thôn").param("households", "10").param("effective", "2022-01-10"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aCommuneOfficialGets403OnAnotherCommunesVillagePage() throws Exception {
        Cookie adminSession = login("admin", "admin-test-password");
        String villageName = "Khu Khác " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/units/00007/villages").cookie(adminSession).with(csrf()).param("name", villageName)
                .param("kind", "khu").param("households", "50").param("effective", "2022-01-10"));
        String listing = mvc.perform(get("/api/v1/admin-units?level=VILLAGE&parent=00007&asOf=2022-06-05")
                        .with(httpBasic("admin", "admin-test-password")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        int at = listing.indexOf(villageName);
        String code = listing.substring(listing.lastIndexOf("\"code\":\"", at) + 8, listing.indexOf('"',
                listing.lastIndexOf("\"code\":\"", at) + 8));

        String official = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "00001");
        Cookie session = login(official, TestUsers.PASSWORD);
        mvc.perform(get("/units/" + code).param("asOf", "2022-06-05").cookie(session))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Không có quyền")));
        mvc.perform(get("/units/" + code).param("asOf", "2022-06-05").cookie(adminSession))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(villageName)));
    }

    @Test
    void pagesNeedLoginAndRedirectToIt() throws Exception {
        mvc.perform(get("/units")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("SOCIALIST REPUBLIC OF VIETNAM")));
    }

    @Test
    void aMissingPageIsAFriendly404() throws Exception {
        Cookie session = login("admin", "admin-test-password");
        mvc.perform(get("/units/99999").cookie(session))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không có đơn vị hành chính mã 99999")));
        mvc.perform(get("/units/99999").cookie(session).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no administrative unit with code 99999")));
    }

    @Test
    void theHomePageShowsTheUserAndTheirUnit() throws Exception {
        String official = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        mvc.perform(get("/").cookie(login(official, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phường Móng Cái 2")))
                .andExpect(content().string(containsString("Cán bộ cấp xã")));
    }

    @Test
    void aSignedInBrowserFollowsApiDownloadLinksButCannotChangeDataWithoutBasic() throws Exception {
        Cookie session = login("admin", "admin-test-password");
        mvc.perform(get("/api/v1/admin-units?level=PROVINCE").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/admin-units/00001/villages").cookie(session).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Thôn Phiên\",\"kind\":\"thôn\",\"households\":1}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void openApiDescriptionIsPublic() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.paths['/api/v1/admin-units']").exists());
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status", is("UP")));
    }

    @Test
    void onlyAnAdministratorCreatesUsersAndWeakPasswordsAreRefused() throws Exception {
        String name = "qn-xa-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"fullName\":\"Cán bộ xã\",\"role\":\"COMMUNE_OFFICIAL\","
                                + "\"unitCode\":\"06709\",\"password\":\"a-long-enough-password\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/admin-units").with(httpBasic(name, "a-long-enough-password"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"X\",\"fullName\":\"\",\"role\":\"KING\",\"password\":\"short\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code").value(org.hamcrest.Matchers.contains("U-102", "U-103", "U-104", "U-105")));
        mvc.perform(post("/api/v1/users").with(httpBasic(name, "a-long-enough-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sneaky\",\"fullName\":\"S\",\"role\":\"SYSTEM_ADMIN\",\"password\":\"a-long-enough-password\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", "admin-test-password")))
                .andExpect(jsonPath("$[?(@.username == '" + name + "')].unitCode").value("06709"));
    }

    private Cookie login(String user, String password) throws Exception {
        return vn.baucu.support.Pages.login(mvc, user, password);
    }
}
