package vn.baucu.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

/** Helpers for page tests: a signed-in browser session, and a page read as text. */
public final class Pages {

    private Pages() {
    }

    /**
     * Signs in through the login form and returns the session cookie the browser would keep (the session itself is
     * in PostgreSQL, so the cookie is all a browser holds, on whichever node it lands).
     */
    public static Cookie login(MockMvc mvc, String user, String password) throws Exception {
        MockHttpServletResponse response = mvc.perform(formLogin("/login").user(user).password(password))
                .andReturn().getResponse();
        Cookie session = response.getCookie("SESSION");
        if (session == null || String.valueOf(response.getRedirectedUrl()).contains("/login")) {
            throw new AssertionError("signing in as " + user + " failed: " + response.getRedirectedUrl());
        }
        return session;
    }

    /** The page at {@code url} for that session, which must answer 200. */
    public static String page(MockMvc mvc, Cookie session, String url) throws Exception {
        return mvc.perform(get(url).cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
