package vn.baucu.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Small helpers for API tests: the test administrator, and creating an election from its JSON. */
public final class Api {

    private Api() {
    }

    /** HTTP Basic as the administrator the test profile creates. */
    public static RequestPostProcessor admin() {
        return httpBasic("admin", "admin-test-password");
    }

    /**
     * Sends {@code body} as the administrator and checks that it is refused with {@code expected} in the one problem
     * shape (type, title, status); the problem's JSON.
     */
    public static String refused(MockMvc mvc, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                                 String body, int expected) throws Exception {
        var r = mvc.perform(request.with(admin()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        String json = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(r.getResponse().getStatus()).as(body + " → " + json).isEqualTo(expected);
        org.assertj.core.api.Assertions.assertThat(json).as(body).contains("\"type\"").contains("\"title\"")
                .contains("\"status\":" + expected);
        return json;
    }

    /** Creates an election through the API and returns its id. */
    public static long createElection(MockMvc mvc, String json) throws Exception {
        String body = mvc.perform(post("/api/v1/elections").with(admin()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }
}
