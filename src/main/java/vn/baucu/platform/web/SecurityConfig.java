package vn.baucu.platform.web;

import vn.baucu.platform.ProblemRenderer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: {@code /api/**} for programs (HTTP Basic or a short-lived Bearer token from
 * {@code POST /api/v1/tokens}, stateless, no CSRF, problem+json on 401/403) and everything else for people (form login, CSRF on). Public without login: the portal,
 * the stateless computation endpoints of the published contracts, static assets, health and the
 * OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/files/**", "/favicon.ico",
        "/portal/**", "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**",
        "/swagger-ui.html"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemRenderer renderer, JsonMapper json, LocaleResolver locales,
                            vn.baucu.platform.internal.LoginThrottle throttle,
                            vn.baucu.platform.internal.ApiTokens tokens) throws Exception {
        var problems = new FilterProblemWriter(renderer, json, locales);
        http.securityMatcher("/api/**")
                .addFilterBefore(new BearerTokens(tokens, problems),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInGuards.CrossSite(problems),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInGuards.Throttle(throttle, problems, true),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations", "/api/v1/calendars/preview").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/public/**").permitAll()   // caches and CDNs ask HEAD
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401,
                        "unauthorized", ex instanceof LockedException ? "problem.locked" : "problem.unauthorized")))
                .csrf(c -> c.disable())
                .securityContext(c -> c.securityContextRepository(new ReadOnlySessionContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "unauthorized",
                                "problem.unauthorized"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "forbidden",
                                "problem.forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ProblemRenderer renderer, JsonMapper json, LocaleResolver locales,
                              vn.baucu.platform.internal.LoginThrottle throttle) throws Exception {
        http.addFilterBefore(new SignInGuards.Throttle(throttle, new FilterProblemWriter(renderer, json, locales), false),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                                + (ex instanceof LockedException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
                                + "form-action 'self'; base-uri 'self'; object-src 'none'")));
        return http.build();
    }

    /** Writes a localised problem from inside the security filters, where no message converter runs. */
    record FilterProblemWriter(ProblemRenderer renderer, JsonMapper json, LocaleResolver locales) {
        void write(HttpServletRequest req, HttpServletResponse res, int status, String slug, String key)
                throws IOException {
            Locale locale = locales.resolveLocale(req);
            ProblemDetail p = renderer.render(status, slug, key, new Object[0], List.of(), locale);
            res.setStatus(status);
            res.setCharacterEncoding("UTF-8");
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            if (status == 401 && !SignInGuards.browserNavigation(req)) {
                // programs are told to use Basic; a browser is never offered the prompt whose answer it would then
                // send along with every request, a cross-site one included
                res.setHeader("WWW-Authenticate", "Basic realm=\"baucu\"");
            }
            res.getWriter().write(json.writeValueAsString(renderer.asMap(p)));
        }
    }
}
