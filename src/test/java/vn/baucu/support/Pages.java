package vn.baucu.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Helpers for page tests: a signed-in browser session, and a page read as text. */
public final class Pages {

    private Pages() {
    }

    /** Signs in through the login form and returns the session the browser would keep. */
    public static MockHttpSession login(MockMvc mvc, String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andReturn().getRequest().getSession();
    }

    /** The page at {@code url} for that session, which must answer 200. */
    public static String page(MockMvc mvc, MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
