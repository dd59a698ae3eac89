package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.VillageElections;

/**
 * The authorisation matrix, generated from the code: every endpoint and page baucu maps (read from Spring MVC's own
 * handler mapping, so a new one is in it at once) is requested by each kind of user — nobody, a system administrator,
 * officials of the village election's province (the unit above), of another province, of its commune and of another
 * commune, the village's election team, an observer of the province, the commune's Front and Party committees — on a
 * village election with certified minutes. The statuses are committed as {@code docs/authorisation.md}
 * ({@code -Dgolden.update=true} rewrites it), and the invariants hold everywhere: nobody signed out gets past the
 * login except on public routes, no request ends in a 5xx, nobody of another unit changes anything or reads a voter
 * list's voter, and an observer changes nothing. Writes are sent after every read, with an empty body.
 */
@BaucuIntegrationTest
class AuthorisationMatrixIT {

    static final Path DOC = Path.of("docs/authorisation.md");
    /** Routes whose path needs an object this fixture has not got; each is named in the document. */
    static final Pattern UNRESOLVED = Pattern.compile("\\{[A-Za-z0-9]+}");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    VillageElections villageElections;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Route(String method, String pattern) implements Comparable<Route> {
        boolean write() {
            return !method.equals("GET");
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean isPublic() {
            return pattern.startsWith("/api/v1/public/") || pattern.startsWith("/portal/") || pattern.equals("/login")
                    || pattern.equals("/") || pattern.equals("/api/v1/evaluations") && method.equals("POST")
                    || pattern.equals("/api/v1/calendars/preview") && method.equals("POST");
        }

        /** A change to the caller's own sign-in (an API token), which every signed-in user may make. */
        boolean ownSignIn() {
            return pattern.startsWith("/api/v1/tokens");
        }

        /** Whether the route reads or changes a voter list (personal data). */
        boolean voterData() {
            return pattern.contains("voter-list") || pattern.contains("voter-entries") || pattern.contains("/voters")
                    || pattern.contains("voter-complaints");
        }

        @Override
        public int compareTo(Route o) {
            int w = Boolean.compare(write(), o.write());
            if (w != 0) {
                return w;
            }
            // deleting comes last: nothing after it depends on what it removed
            int d = Boolean.compare(method.equals("DELETE"), o.method.equals("DELETE"));
            return d != 0 ? d : (pattern + method).compareTo(o.pattern + o.method);
        }
    }

    record Principal(String column, String description, String username) {
    }

    @Test
    void everyRouteAnswersEachKindOfUserAsTheMatrixSays() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        long e = v.electionId();
        String body = MinutesBodies.village(v, 60, 50, 49, 1, 40, 9, "");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/elections/" + e + "/contests/" + v.villageCode() + "/minutes/entries")
                    .with(user(accounts.loadUserByUsername(users.create(Role.ELECTION_TEAM, v.villageCode(), null))))
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated());
        }
        long minutes = jdbc.sql("select id from minutes where election_id = :e").param("e", e).query(Long.class).single();
        mvc.perform(post("/api/v1/elections/" + e + "/contests/" + v.villageCode() + "/minutes/" + minutes + "/certification")
                .with(user(accounts.loadUserByUsername(users.create(Role.COMMUNE_OFFICIAL, v.communeCode(), null))))
                .header("If-Match", "\"1\"")).andExpect(status().isOk());
        String sha = jdbc.sql("select sha256 from minutes_version where minutes_id = :m").param("m", minutes)
                .query(String.class).single();
        long list = jdbc.sql("select id from voter_list where election_id = :e").param("e", e).query(Long.class).single();
        long entry = jdbc.sql("select min(id) from voter_entry where voter_list_id = :l").param("l", list)
                .query(Long.class).single();
        String province = VillageElections.PROVINCE;
        String otherCommune = jdbc.sql("""
                        select code from admin_unit where level = 'COMMUNE' and province_code = :p and code <> :c
                          and (valid_from is null or valid_from <= :d) and (valid_to is null or valid_to > :d)
                        order by code limit 1""")
                .param("p", province).param("c", v.communeCode()).param("d", java.sql.Date.valueOf("2022-06-05"))
                .query(String.class).single();

        Map<String, String> values = new LinkedHashMap<>();
        values.put("elections/{id}", "elections/" + e);
        values.put("results/{id}", "results/" + e);
        values.put("candidates/{id}", "candidates/" + v.candidateIds().get(0));
        values.put("voter-lists/{id}", "voter-lists/" + list);
        values.put("voter-entries/{id}", "voter-entries/" + entry);
        values.put("milestones/{code}", "milestones/MEETING");
        values.put("progress/{code}", "progress/MEETING");
        values.put("villages/{code}", "villages/" + v.villageCode());
        values.put("{code}", v.communeCode());
        values.put("{communeCode}", v.communeCode());
        values.put("{commune}", v.communeCode());
        values.put("{provinceCode}", province);
        values.put("{place}", v.villageCode());
        values.put("{contest}", v.villageCode());
        values.put("{candidate}", String.valueOf(v.candidateIds().get(0)));
        values.put("{listId}", String.valueOf(list));
        values.put("{entryId}", String.valueOf(entry));
        values.put("{minutesId}", String.valueOf(minutes));
        values.put("{version}", "1");
        values.put("{sha256}", sha);
        values.put("{what}", "opening");
        values.put("{action}", "certification");
        values.put("{token}", UUID.randomUUID().toString());
        values.put("{job}", UUID.randomUUID().toString());

        List<Principal> principals = List.of(
                new Principal("nobody", "not signed in", null),
                new Principal("admin", "system administrator", "admin"),
                new Principal("prov", "province official of the village's province (the unit above)",
                        users.create(Role.PROVINCE_OFFICIAL, province, null)),
                new Principal("prov-other", "province official of another province",
                        users.create(Role.PROVINCE_OFFICIAL, "22", null)),
                new Principal("comm", "commune official of the village's commune",
                        users.create(Role.COMMUNE_OFFICIAL, v.communeCode(), null)),
                new Principal("comm-other", "commune official of another commune",
                        users.create(Role.COMMUNE_OFFICIAL, otherCommune, null)),
                new Principal("team", "the village's election team", users.create(Role.ELECTION_TEAM, v.villageCode(), null)),
                new Principal("observer", "observer of the province", users.create(Role.OBSERVER, province, null)),
                new Principal("front", "the commune's Fatherland Front committee",
                        users.create(Role.FRONT_COMMITTEE, v.communeCode(), null)),
                new Principal("party", "the commune's Party committee", users.create(Role.PARTY_COMMITTEE, v.communeCode(), null)));

        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            if (!m.getValue().getBeanType().getPackageName().startsWith("vn.baucu")) {
                continue;
            }
            Set<String> patterns = m.getKey().getPatternValues();
            var methods = m.getKey().getMethodsCondition().getMethods();
            for (String p : patterns) {
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", p));
                }
                methods.forEach(x -> routes.add(new Route(x.name(), p)));
            }
        }
        routes.sort(null);
        assertThat(routes).as("the handler mapping lists baucu's routes").hasSizeGreaterThan(150);

        Map<Route, Map<String, Integer>> matrix = new TreeMap<>();
        List<Route> skipped = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> personalIds = jdbc.sql("select personal_id from voter_entry where voter_list_id = :l and personal_id is not null")
                .param("l", list).query(String.class).list();
        assertThat(personalIds).isNotEmpty();
        for (Route r : routes) {
            String path = resolve(r.pattern(), values);
            if (UNRESOLVED.matcher(path).find() || r.pattern().endsWith("/live")) {
                skipped.add(r);
                continue;
            }
            Map<String, Integer> row = new LinkedHashMap<>();
            for (Principal who : principals) {
                MockHttpServletRequestBuilder req = request(HttpMethod.valueOf(r.method()), path);
                if (who.username() != null) {
                    req.with(user(accounts.loadUserByUsername(who.username())));
                }
                if (r.write()) {
                    if (r.api()) {
                        req.contentType(MediaType.APPLICATION_JSON).content("{}");
                    } else {
                        req.with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
                    }
                }
                int status;
                try {
                    var response = mvc.perform(req).andReturn().getResponse();
                    status = response.getStatus();
                    if (r.voterData() && !r.write() && (who.column().equals("prov-other") || who.column().equals("comm-other"))
                            && status >= 200 && status < 300) {
                        String text = response.getContentAsString(StandardCharsets.UTF_8);
                        for (String pid : personalIds) {
                            if (text.contains(pid)) {
                                leaks.add(r.method() + " " + r.pattern() + " as " + who.column() + " shows " + pid);
                                break;
                            }
                        }
                    }
                } catch (Exception escaped) {
                    // what escapes MockMvc would be a server error on a real server
                    status = 500;
                    broken.add(r.method() + " " + r.pattern() + " as " + who.column() + ": " + escaped);
                }
                row.put(who.column(), status);
                if (status >= 500 && broken.stream().noneMatch(x -> x.startsWith(r.method() + " " + r.pattern() + " as " + who.column()))) {
                    broken.add(r.method() + " " + r.pattern() + " as " + who.column() + ": " + status);
                }
            }
            matrix.put(r, row);
        }

        // the invariants, whatever the table says
        assertThat(broken).as("no request ends in a server error").isEmpty();
        assertThat(leaks).as("no voter of this list is shown to another province or commune").isEmpty();
        for (var row : matrix.entrySet()) {
            Route r = row.getKey();
            Map<String, Integer> s = row.getValue();
            String what = r.method() + " " + r.pattern();
            if (!r.isPublic()) {
                assertThat(s.get("nobody")).as(what + " signed out").isIn(r.api() ? List.of(401) : List.of(302, 401));
            }
            if (r.write() && !r.isPublic() && !r.ownSignIn()) {   // the public calculators and the citizen look-up store nothing
                for (String other : List.of("prov-other", "comm-other", "observer")) {
                    assertThat(s.get(other)).as(what + " as " + other).matches(x -> x < 200 || x > 299, "not a 2xx");
                }
            }
            if (r.voterData() && r.write()) {
                for (String other : List.of("prov-other", "comm-other")) {
                    assertThat(s.get(other)).as(what + " as " + other + " (personal data)").matches(x -> x < 200 || x > 299, "not a 2xx");
                }
            }
        }

        String doc = document(principals, matrix, skipped);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("regenerate with -Dgolden.update=true").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).as("docs/authorisation.md is in step with the code "
                + "(regenerate with -Dgolden.update=true and read the difference)").isEqualTo(doc);
    }

    static String resolve(String pattern, Map<String, String> values) {
        String path = pattern;
        for (var v : values.entrySet()) {
            if (v.getKey().contains("/")) {
                path = path.replace(v.getKey(), v.getValue());
            }
        }
        Matcher m = UNRESOLVED.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String document(List<Principal> principals, Map<Route, Map<String, Integer>> matrix, List<Route> skipped) {
        StringBuilder b = new StringBuilder();
        b.append("# Authorisation matrix\n\n");
        b.append("Generated by `AuthorisationMatrixIT` from the routes Spring MVC maps, and kept in step with the code by it ")
                .append("(`-Dgolden.update=true` rewrites this page). Each route is requested by each kind of user on a ")
                .append("village election (5/6/2022, Trúc Bạch, Hà Nội) whose minutes are certified; reads first, then ")
                .append("writes with an empty body (a 4xx other than 401/403 means the request passed the guard and was ")
                .append("refused for what it said). 401: not signed in (API); 302: sent to the login page; 403: refused ")
                .append("by role or unit; 422 on a write is often the scope check (SCOPE-001) or the rules.\n\n");
        b.append("The test also asserts, for every row: nobody signed out gets past the login except on public routes; ")
                .append("no 5xx; nobody of another province or commune, and no observer, gets a 2xx on a write (the public calculators and the citizen look-up aside); nobody of ")
                .append("another province or commune is shown a personal id of the fixture's voter list.\n\n");
        b.append("| column | who |\n|---|---|\n");
        for (Principal p : principals) {
            b.append("| `").append(p.column()).append("` | ").append(p.description()).append(" |\n");
        }
        b.append("\n| route |");
        principals.forEach(p -> b.append(' ').append(p.column()).append(" |"));
        b.append("\n|---|");
        principals.forEach(p -> b.append("---|"));
        b.append('\n');
        for (var row : matrix.entrySet()) {
            b.append("| `").append(row.getKey().method()).append(' ').append(row.getKey().pattern()).append("` |");
            for (Principal p : principals) {
                b.append(' ').append(row.getValue().get(p.column())).append(" |");
            }
            b.append('\n');
        }
        b.append("\nNot requested here (their objects are not part of this fixture; each has its own guard tests, the ")
                .append("Party routes in `PartyCongressIT`'s 403 matrix; the live stream in `DashboardIT`):\n\n");
        for (Route r : skipped) {
            b.append("- `").append(r.method()).append(' ').append(r.pattern()).append("`\n");
        }
        return b.toString();
    }
}
