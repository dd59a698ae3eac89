package vn.baucu.voters.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.platform.rules.VietnameseNames;

/**
 * Public portal: a citizen checks whether and where they are listed, with their full name, birth date
 * and the last 4 digits of their personal id. No browsing; one answer for every kind of mismatch (no
 * hint which field was wrong); at most {@code baucu.lookup.per-window} tries per client per window.
 */
@Controller
class CitizenLookupPage {

    record Place(String election, String area, String address, String commune) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perWindow;
    private final Duration window;

    CitizenLookupPage(JdbcClient jdbc, Clock clock, @Value("${baucu.lookup.per-window:10}") int perWindow,
                      @Value("${baucu.lookup.window:10m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perWindow = perWindow;
        this.window = window;
    }

    @GetMapping("/portal/lookup")
    String form() {
        return "voters/lookup";
    }

    @PostMapping("/portal/lookup")
    @Transactional
    String lookup(@RequestParam(name = "fullName", defaultValue = "") String fullName,
                  @RequestParam(name = "birthDate", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                  @RequestParam(name = "idLast4", defaultValue = "") String idLast4, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        String client = request.getRemoteAddr();
        var now = clock.instant();
        jdbc.sql("delete from lookup_attempt where at < :old").param("old", Timestamp.from(now.minus(window))).update();
        int recent = jdbc.sql("select count(*) from lookup_attempt where client = :c").param("c", client)
                .query(Integer.class).single();
        if (recent >= perWindow) {
            response.setStatus(429);
            model.addAttribute("limited", true);
            return "voters/lookup";
        }
        jdbc.sql("insert into lookup_attempt (client, at) values (:c, :t)").param("c", client).param("t", Timestamp.from(now))
                .update();
        Optional<Place> place = birthDate == null || !idLast4.strip().matches("\\d{4}") ? Optional.empty()
                : jdbc.sql("""
                        select el.name, coalesce(pa.name, v.name), pa.address, cu.name
                        from voter_entry e join voter_list l on l.id = e.voter_list_id join election el on el.id = e.election_id
                        left join polling_area pa on pa.id = l.polling_area_id
                        left join admin_unit v on v.code = l.village_code and v.level = 'VILLAGE'
                             and (v.valid_from is null or v.valid_from <= el.election_day)
                             and (v.valid_to is null or v.valid_to > el.election_day)
                        left join admin_unit cu on cu.code = l.commune_code and cu.level = 'COMMUNE'
                             and (cu.valid_from is null or cu.valid_from <= el.election_day)
                             and (cu.valid_to is null or cu.valid_to > el.election_day)
                        where e.status = 'ACTIVE' and el.rehearsal_of is null and e.search_key = :k and e.birth_date = :b and right(e.personal_id, 4) = :d
                        order by el.election_day desc limit 1""")
                .param("k", VietnameseNames.searchKey(fullName)).param("b", java.sql.Date.valueOf(birthDate))
                .param("d", idLast4.strip())
                .query((rs, i) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
        model.addAttribute("asked", true);
        model.addAttribute("place", place.orElse(null));
        return "voters/lookup";
    }
}
