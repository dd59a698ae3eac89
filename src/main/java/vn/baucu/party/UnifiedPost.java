package vn.baucu.party;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;
import vn.baucu.candidates.Candidates;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.results.ContestResults;
import vn.baucu.rules.Percentages;
import vn.baucu.rules.UnifiedPosts;

/**
 * The unified post (nhất thể hóa) report: per village of a scope as of a day, whether the cell secretary is the same
 * person as the recognised village head (matched by personal id), rolled up per commune, district (before 1/7/2025) and
 * the scope, with each village where it is not so and why ({@link UnifiedPosts}). For Party committee users only.
 */
@Service
public class UnifiedPost {

    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    /** A village that falls short, and the first reason. */
    public record Shortfall(String village, String name, String commune, String reason) {
    }

    /** The figures of one unit of the scope (a commune, a district before 1/7/2025, or the scope itself). */
    public record UnitLine(String code, String name, String level, String parentCode, int villages, int congressesHeld,
                           int secretariesAreHeads, String percent) {
    }

    /** The report (the published shape, with {@code units} as an extension). */
    public record Report(String scope, LocalDate asOf, int villages, int congressesHeld, int secretariesAreHeads,
                         String percent, List<Shortfall> shortfalls, List<UnitLine> units) {
    }

    private final JdbcClient jdbc;
    private final AdminUnits units;
    private final ContestResults results;
    private final Candidates candidates;
    private final Authorization authorization;
    private final AuditLog audit;

    UnifiedPost(JdbcClient jdbc, AdminUnits units, ContestResults results, Candidates candidates,
                Authorization authorization, AuditLog audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.results = results;
        this.candidates = candidates;
        this.authorization = authorization;
        this.audit = audit;
    }

    private record CellFacts(String village, java.util.Set<String> fullMembers, boolean held, String secretaryId,
                             LocalDate ratifiedOn, LocalDate due) {
    }

    @Transactional
    public Report report(String scopeCode, LocalDate asOf) {
        authorization.requireParty(scopeCode, asOf);
        AdminUnit scope = units.get(scopeCode, asOf);
        List<AdminUnit> villages = scope.level() == UnitLevel.VILLAGE ? List.of(scope)
                : units.list(UnitLevel.VILLAGE, scopeCode, asOf);
        List<String> codes = villages.stream().map(AdminUnit::code).toList();
        Map<String, ContestResults.VillageHead> heads = results.villageHeads(codes, asOf);
        Map<Long, Candidates.Person> persons = candidates.persons(heads.values().stream()
                .map(ContestResults.VillageHead::candidateId).filter(java.util.Objects::nonNull).toList());
        Map<String, CellFacts> cells = cellFacts(codes, asOf);

        Map<String, int[]> byUnit = new LinkedHashMap<>();      // code → villages, held, unified
        Map<String, AdminUnit> unitOf = new HashMap<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        int held = 0;
        int unified = 0;
        for (AdminUnit v : villages) {
            ContestResults.VillageHead head = heads.get(v.code());
            Candidates.Person person = head == null || head.candidateId() == null ? null : persons.get(head.candidateId());
            CellFacts cell = cells.get(v.code());
            String headId = person == null ? null : person.personalId();
            boolean congressHeld = cell != null && cell.held();
            UnifiedPosts.Village facts = new UnifiedPosts.Village(head == null ? null : head.status(),
                    headId != null && cell != null && cell.fullMembers().contains(headId), congressHeld,
                    headId != null && cell != null && headId.equals(cell.secretaryId()),
                    cell != null && cell.ratifiedOn() != null,
                    cell != null && cell.due() != null && cell.due().isBefore(asOf));
            Optional<UnifiedPosts.Reason> reason = UnifiedPosts.shortfall(facts);
            reason.ifPresent(r -> shortfalls.add(new Shortfall(v.code(), v.name(), v.parentCode(), r.name())));
            held += congressHeld ? 1 : 0;
            unified += reason.isEmpty() ? 1 : 0;
            for (AdminUnit u : rollUpUnits(v, asOf, unitOf)) {
                int[] n = byUnit.computeIfAbsent(u.code(), k -> new int[3]);
                n[0]++;
                n[1] += congressHeld ? 1 : 0;
                n[2] += reason.isEmpty() ? 1 : 0;
            }
        }
        List<UnitLine> lines = new ArrayList<>();
        byUnit.forEach((code, n) -> {
            AdminUnit u = unitOf.get(code);
            lines.add(new UnitLine(code, u.name(), u.level().name(), u.parentCode(), n[0], n[1], n[2],
                    Percentages.format(n[2], n[0])));
        });
        lines.sort(java.util.Comparator.comparing((UnitLine l) -> l.level().equals("COMMUNE") ? 1 : 0)
                .thenComparing(UnitLine::code));
        audit.record("PARTY_DATA_READ", "unified_post", scopeCode, scopeCode,
                Map.of("asOf", asOf.toString(), "villages", villages.size()));
        return new Report(scopeCode, asOf, villages.size(), held, unified,
                villages.isEmpty() ? "0.00" : Percentages.format(unified, villages.size()), shortfalls, lines);
    }

    /** The commune of a village and, before 1/7/2025, its district (cached in {@code seen}). */
    private List<AdminUnit> rollUpUnits(AdminUnit village, LocalDate asOf, Map<String, AdminUnit> seen) {
        List<AdminUnit> out = new ArrayList<>();
        AdminUnit commune = seen.computeIfAbsent(village.parentCode(), c -> units.get(c, asOf));
        out.add(commune);
        if (asOf.isBefore(REFORM) && commune.parentCode() != null) {
            AdminUnit district = seen.computeIfAbsent(commune.parentCode(), c -> units.get(c, asOf));
            if (district.level() == UnitLevel.DISTRICT) {
                out.add(district);
            }
        }
        return out;
    }

    /** Per village: its cell's full members' personal ids and its latest congress held by then. */
    private Map<String, CellFacts> cellFacts(List<String> villages, LocalDate asOf) {
        Map<String, java.util.Set<String>> members = new HashMap<>();
        jdbc.sql("""
                        select c.village_code, m.personal_id from party_cell c join party_member m on m.cell_id = c.id
                        where c.village_code = any(:v) and m.membership = 'FULL'""")
                .param("v", villages.toArray(String[]::new))
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list()
                .forEach(r -> members.computeIfAbsent(r[0], k -> new java.util.HashSet<>()).add(r[1]));
        Map<String, CellFacts> out = new HashMap<>();
        jdbc.sql("""
                        select c.village_code, g.id, g.status in ('CLOSED', 'RATIFIED') as held, s.personal_id,
                               case when g.ratified_on <= :asOf then g.ratified_on end, g.ratification_due
                        from party_cell c
                        left join lateral (select * from party_congress g where g.cell_id = c.id and g.held_on <= :asOf
                                           order by g.held_on desc, g.id desc limit 1) g on true
                        left join party_member s on s.id = g.secretary_id
                        where c.village_code = any(:v)""")
                .param("asOf", java.sql.Date.valueOf(asOf)).param("v", villages.toArray(String[]::new))
                .query((rs, i) -> new CellFacts(rs.getString(1), members.getOrDefault(rs.getString(1), java.util.Set.of()),
                        rs.getObject(2) != null && rs.getBoolean(3), rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate()))
                .list().forEach(f -> out.put(f.village(), f));
        return out;
    }
}
