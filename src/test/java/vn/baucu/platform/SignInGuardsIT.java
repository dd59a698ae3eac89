package vn.baucu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.audit.AuditLog;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;

/**
 * Sign-in is throttled per client as well as per account, so nobody can keep an account locked out from one
 * address; browsers are never offered the Basic prompt; the API refuses changes asked for from another site; every
 * sign-in event is audited.
 */
@BaucuIntegrationTest
class SignInGuardsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** The login form posted from {@code address}. */
    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String user, String password,
                                                                                         String address) {
        return post("/login").param("username", user).param("password", password)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(from(address));
    }

    static String someAddress() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void fiveWrongPasswordsFromOneAddressDoNotLockTheAccountForAnyoneElse() throws Exception {
        String name = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        String attacker = someAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/admin-units").with(httpBasic(name, "wrong")).with(from(attacker)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/admin-units").with(httpBasic(name, TestUsers.PASSWORD)).with(from(attacker)))
                .andExpect(status().isUnauthorized());
        mvc.perform(login(name, TestUsers.PASSWORD, attacker))
                .andExpect(redirectedUrl("/login?locked"));
        // the owner, elsewhere, signs in as usual
        String owner = someAddress();
        mvc.perform(get("/api/v1/admin-units").with(httpBasic(name, TestUsers.PASSWORD)).with(from(owner)))
                .andExpect(status().isOk());
        mvc.perform(login(name, TestUsers.PASSWORD, owner)).andExpect(redirectedUrl("/"));
        var entries = audit.latest("user", name, 20);
        assertThat(entries).filteredOn(e -> e.action().equals("LOGIN_FAILED")).hasSize(5);
        assertThat(entries).filteredOn(e -> e.action().equals("ACCOUNT_LOCKED")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains(attacker));
        assertThat(entries).filteredOn(e -> e.action().equals("LOGIN_SUCCEEDED")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains(owner));
    }

    @Test
    void aClientWithTooManyFailuresIsThrottledWhateverAccountItTries() throws Exception {
        String client = someAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/admin-units").with(httpBasic("nobody-" + UUID.randomUUID(), "x")).with(from(client)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/admin-units").with(httpBasic("admin", "admin-test-password")).with(from(client)))
                .andExpect(status().isTooManyRequests());
        mvc.perform(login("admin", "admin-test-password", client))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/api/v1/admin-units").with(httpBasic("admin", "admin-test-password")).with(from(someAddress())))
                .andExpect(status().isOk());
    }

    @Test
    void browsersAreNotOfferedTheBasicPromptButProgramsAre() throws Exception {
        mvc.perform(get("/api/v1/elections").accept(MediaType.TEXT_HTML)).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/api/v1/elections").header("Sec-Fetch-Mode", "navigate")).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/api/v1/elections").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic")));
    }

    @Test
    void theApiRefusesAChangeAskedForFromAnotherSite() throws Exception {
        String body = "{\"name\":\"Thôn Liên Trang\",\"kind\":\"thôn\",\"households\":1}";
        mvc.perform(post("/api/v1/admin-units/06709/villages").with(httpBasic("admin", "admin-test-password"))
                        .header("Sec-Fetch-Site", "cross-site").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin-units/06709/villages").with(httpBasic("admin", "admin-test-password"))
                        .header("Origin", "https://evil.example").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        // the public computations stay open to other sites
        mvc.perform(post("/api/v1/calendars/preview").header("Origin", "https://news.example")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"electionDay\":\"2026-03-15\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void pagesCarryTheFullContentSecurityPolicy() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Content-Security-Policy", Matchers.allOf(
                Matchers.containsString("form-action 'self'"), Matchers.containsString("base-uri 'self'"),
                Matchers.containsString("object-src 'none'"), Matchers.containsString("frame-ancestors 'none'"))));
    }
}
