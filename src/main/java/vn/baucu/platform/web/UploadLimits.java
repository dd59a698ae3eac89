package vn.baucu.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.ProblemRenderer;

/**
 * Each upload endpoint has its own size limit, checked on the declared length before anything is read: a village
 * list, a body's members or a resolution are small tables (a few MB), a candidate's document a scan, and only a
 * voter list may reach the general multipart limit ({@code BAUCU_MAX_UPLOAD}, 200 MB). A body sent without a
 * length (chunked) is held to the same limit by the multipart limit of the server as a whole.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    /** A path pattern and the largest body it takes. */
    record Limit(Pattern path, long bytes) {
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter(ProblemRenderer renderer, JsonMapper json,
            LocaleResolver locales, @Value("${baucu.upload.small-table:10MB}") DataSize smallTable,
            @Value("${baucu.upload.document:25MB}") DataSize document) {
        List<Limit> limits = List.of(
                new Limit(Pattern.compile("/api/v1/villages/imports|/units/[^/]+/villages/import"), smallTable.toBytes()),
                new Limit(Pattern.compile("/api/v1/organisations/[^/]+/members/imports"), smallTable.toBytes()),
                new Limit(Pattern.compile("/api/v1/elections/[^/]+/communes/[^/]+/minutes-imports|/elections/[^/]+/polling-day/minutes-import"),
                        smallTable.toBytes()),
                new Limit(Pattern.compile("/api/v1/elections/[^/]+/units/imports|/elections/[^/]+/units/import"),
                        smallTable.toBytes()),
                new Limit(Pattern.compile("/api/v1/candidates/[^/]+/documents|/elections/[^/]+/contests/[^/]+/candidates/[^/]+/documents"),
                        document.toBytes()),
                new Limit(Pattern.compile("(/api/v1)?/elections/[^/]+/contests/[^/]+/minutes/[^/]+/scan"), document.toBytes()));
        var problems = new SecurityConfig.FilterProblemWriter(renderer, json, locales);
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) && request.getContentLengthLong() > 0) {
                    String path = SignInGuards.path(request);
                    for (Limit l : limits) {
                        if (request.getContentLengthLong() > l.bytes() && l.path().matcher(path).matches()) {
                            if (path.startsWith("/api/")) {
                                problems.write(request, response, 413, "too-large", "problem.too-large");
                            } else {
                                response.setStatus(413);
                                response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
                                response.getWriter().write(renderer.message("problem.too-large", new Object[0],
                                        locales.resolveLocale(request), "413"));
                            }
                            return;
                        }
                    }
                }
                chain.doFilter(request, response);
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

}
