package vn.baucu.platform.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.platform.SignInEvent;
import vn.baucu.platform.internal.LoginThrottle;

/** The filters that run before a password is checked: the sign-in throttle, and the API's cross-site guard. */
final class SignInGuards {

    private SignInGuards() {
    }

    /** The request's path within the application. */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The username an API request or a login form presents, if any. */
    static String presentedUsername(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(path(request))) {
            return request.getParameter("username");
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return null;
    }

    /**
     * Refuses, before any password is checked, a client that failed too often (throttled) or an account locked for
     * this client: the page gets the login page's message, the API a problem (429 or 401).
     */
    static final class Throttle extends OncePerRequestFilter {
        private final LoginThrottle throttle;
        private final SecurityConfig.FilterProblemWriter problems;
        private final boolean api;

        Throttle(LoginThrottle throttle, SecurityConfig.FilterProblemWriter problems, boolean api) {
            this.throttle = throttle;
            this.problems = problems;
            this.api = api;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String username = presentedUsername(request);
            SignInEvent.Kind refused = username == null ? null : throttle.refusal(username, request.getRemoteAddr());
            if (refused == null) {
                chain.doFilter(request, response);
            } else if (api) {
                boolean throttled = refused == SignInEvent.Kind.THROTTLED;
                problems.write(request, response, throttled ? 429 : 401, throttled ? "too-many-attempts" : "unauthorized",
                        throttled ? "problem.throttled" : "problem.locked");
            } else {
                response.sendRedirect(request.getContextPath()
                        + (refused == SignInEvent.Kind.THROTTLED ? "/login?throttled" : "/login?locked"));
            }
        }
    }

    /**
     * A browser that once answered a Basic prompt for baucu sends those credentials with every request to it, even
     * one a form on another site makes. The API takes no CSRF token, so a change it is asked for from another site
     * (Sec-Fetch-Site, or an Origin that is not this server) is refused; programs send neither header. The public,
     * stateless computations stay open to any site.
     */
    static final class CrossSite extends OncePerRequestFilter {
        static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
        static final Set<String> OPEN = Set.of("/api/v1/evaluations", "/api/v1/calendars/preview");
        private final SecurityConfig.FilterProblemWriter problems;

        CrossSite(SecurityConfig.FilterProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!SAFE.contains(request.getMethod()) && !OPEN.contains(path(request)) && crossSite(request)) {
                problems.write(request, response, 403, "cross-site", "problem.cross-site");
                return;
            }
            chain.doFilter(request, response);
        }

        static boolean crossSite(HttpServletRequest request) {
            String site = request.getHeader("Sec-Fetch-Site");
            if (site != null && !site.equals("same-origin") && !site.equals("none")) {
                return true;
            }
            String origin = request.getHeader("Origin");
            if (origin == null || origin.isBlank()) {
                return false;
            }
            try {
                URI o = URI.create(origin.strip());
                int port = o.getPort() != -1 ? o.getPort() : "https".equals(o.getScheme()) ? 443 : 80;
                return !(String.valueOf(o.getHost()).equalsIgnoreCase(request.getServerName()) && port == request.getServerPort());
            } catch (IllegalArgumentException malformed) {
                return true;
            }
        }
    }

    /** Whether a 401 goes to a browser navigating (which must not be offered the Basic prompt) rather than a program. */
    static boolean browserNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "navigate".equals(request.getHeader("Sec-Fetch-Mode")) || accept != null && accept.contains("text/html");
    }
}
