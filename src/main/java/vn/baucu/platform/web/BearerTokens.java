package vn.baucu.platform.web;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.platform.internal.ApiTokens;
import vn.baucu.platform.internal.BaucuUserDetails;

/**
 * On the API chain, before HTTP Basic: a request with {@code Authorization: Bearer <token>} is signed in as the
 * token's account ({@link ApiTokens}); an unknown, expired or revoked token is a 401 problem, never a fall-through to
 * anonymous access.
 */
final class BearerTokens extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final SecurityConfig.FilterProblemWriter problems;

    BearerTokens(ApiTokens tokens, SecurityConfig.FilterProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        BaucuUserDetails user = tokens.authenticate(token).orElse(null);
        if (user == null) {
            problems.write(request, response, 401, "unauthorized", "problem.token-invalid");
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        auth.setDetails(new ApiTokens.Presented(ApiTokens.idOf(token), String.valueOf(request.getRemoteAddr())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
