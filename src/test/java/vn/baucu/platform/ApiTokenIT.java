package vn.baucu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;

/**
 * API tokens: a program signs in once with its password and then sends a Bearer token; the token carries the
 * account's role and unit exactly as the password would, stops working when revoked, expired or when the account is
 * disabled, can never mint another token, and its issue and revocation are in the audit log.
 */
@BaucuIntegrationTest
class ApiTokenIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    String issue(String user, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic(user, password)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.token", startsWith("bcu_")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("token").asString();
    }

    @Test
    void aTokenStandsForItsAccountUntilRevoked() throws Exception {
        String token = issue("admin", "admin-test-password");
        String bearer = "Bearer " + token;
        mvc.perform(get("/api/v1/users").header("Authorization", bearer)).andExpect(status().isOk());
        String name = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","fullName":"Người dùng thử","role":"OBSERVER","unitCode":"22",
                                 "password":"%s"}""".formatted(name, TestUsers.PASSWORD)))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select actor from audit_log where action = 'USER_CREATED' and subject_id = :n")
                .param("n", name).query(String.class).single()).isEqualTo("admin");

        // a token never mints another: a new one needs the password
        mvc.perform(post("/api/v1/tokens").header("Authorization", bearer))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("mật khẩu")));

        mvc.perform(delete("/api/v1/tokens/current").header("Authorization", bearer)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users").header("Authorization", bearer))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("thu hồi")));
        String id = token.isEmpty() ? "" : vn.baucu.platform.internal.ApiTokens.idOf(token);
        assertThat(jdbc.sql("select action from audit_log where subject = 'user' and details ->> 'token' = :id order by id")
                .param("id", id).query(String.class).list())
                .containsExactly("API_TOKEN_ISSUED", "API_TOKEN_REVOKED");
        assertThat(jdbc.sql("select count(*) from api_token where username = 'admin' and token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", token).query(Long.class).single()).as("stored by its hash").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where details::text like :t").param("t", "%" + token + "%")
                .query(Long.class).single()).as("the token itself is never logged").isZero();
    }

    @Test
    void aTokenCarriesTheAccountsRoleAndUnitAndNothingMore() throws Exception {
        String observer = TestUsers.create(users, Role.OBSERVER, "22");
        String bearer = "Bearer " + issue(observer, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/admin-units").header("Authorization", bearer)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").header("Authorization", bearer)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
    }

    @Test
    void expiredUnknownMalformedOrDisabledTokensAre401NeverAnonymous() throws Exception {
        String official = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        String token = issue(official, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/admin-units").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        for (String wrong : new String[] {"Bearer ", "Bearer x", "Bearer bcu_" + "A".repeat(43), "bearer " + token + "x",
                "Bearer " + "bcu_".repeat(40)}) {
            // the public results are open to anyone, but a wrong token is refused there too, never taken as anonymous
            mvc.perform(get("/api/v1/public/elections").header("Authorization", wrong))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail", containsString("token")));
        }
        jdbc.sql("update app_user set enabled = false where username = :u").param("u", official).update();
        mvc.perform(get("/api/v1/admin-units").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        jdbc.sql("update app_user set enabled = true where username = :u").param("u", official).update();
        mvc.perform(get("/api/v1/admin-units").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        jdbc.sql("update api_token set issued_at = now() - interval '2 days', expires_at = now() - interval '1 second' "
                + "where username = :u").param("u", official).update();
        mvc.perform(get("/api/v1/admin-units").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        // revoking needs a token in force
        mvc.perform(delete("/api/v1/tokens/current").with(httpBasic(official, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest());
    }
}
