package vn.baucu.party;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.Violation;

/**
 * Party cells (chi bộ) and their members. A village's cell answers to the Party committee of the village's commune as
 * it stood on the cell's day (the superior committee, whose unit guards every read and write:
 * {@link Authorization#requireParty}). Members are added all or nothing, every bad row named.
 */
@Service
public class PartyCells {

    /** A cell: its village (null for another cell), its superior committee's unit and the day both codes are read as of. */
    public record CellView(long id, String code, String name, String villageCode, String superiorCode, LocalDate since,
                           int fullMembers, int probationaryMembers, int exemptedMembers) {
    }

    /** A member as the cell's Party committee sees them (full personal id: they keep the roll). */
    public record Member(long id, String fullName, LocalDate birthDate, String personalId, String membership,
                         boolean exempted) {
    }

    /** One member to add: FULL or PROBATIONARY; {@code exempted} from activity (miễn sinh hoạt). */
    public record NewMember(String fullName, LocalDate birthDate, String personalId, String membership, Boolean exempted) {
    }

    private final JdbcClient jdbc;
    private final AdminUnits units;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    PartyCells(JdbcClient jdbc, AdminUnits units, Authorization authorization, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the cell of a village as of {@code since}: named after the village unless {@code name} is given; its
     * superior committee is the village's commune's unless {@code superiorCode} (a unit containing the village, such as
     * the district before 1/7/2025) is given. 404 for an unknown village; 409 when the village has a cell already.
     */
    @Transactional
    public CellView create(String villageCode, String name, String superiorCode, LocalDate since) {
        if (Inputs.text(villageCode) == null) {
            return createOther(name, superiorCode, since);
        }
        if (since == null) {
            throw DomainException.violations(List.of(Violation.of("P-401", "since", "problem.missing-parameter", "since")));
        }
        AdminUnit village = units.find(villageCode, since)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", villageCode, since));
        String superior = Inputs.text(superiorCode) == null ? village.parentCode() : superiorCode.strip();
        if (!authorization.isWithin(village.code(), since, superior)) {
            throw DomainException.violations(List.of(Violation.of("SCOPE-001", "superior", "problem.outside-election-scope",
                    village.code(), superior)));
        }
        CurrentUser user = authorization.requireParty(superior, since);
        String cellName = Inputs.text(name) == null ? "Chi bộ " + village.name() : name.strip();
        Long id = jdbc.sql("""
                        insert into party_cell (code, name, village_code, superior_code, since, created_by, created_at)
                        values (:code, :name, :v, :s, :since, :by, :t) on conflict do nothing returning id""")
                .param("code", "CB-" + village.code()).param("name", cellName).param("v", village.code())
                .param("s", superior).param("since", java.sql.Date.valueOf(since)).param("by", user.username())
                .param("t", Timestamp.from(clock.instant())).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw DomainException.conflict("party.cell-exists", village.name());
        }
        audit.record("PARTY_CELL_CREATED", "party_cell", String.valueOf(id), superior,
                Map.of("village", village.code(), "superior", superior));
        return get(id);
    }

    /**
     * Another cell (a school's, an enterprise's, an agency's): no village, so its name and its superior committee's
     * unit are required; it holds congresses like a village's cell but has no place in the unified-post report.
     */
    private CellView createOther(String name, String superiorCode, LocalDate since) {
        List<Violation> problems = new ArrayList<>();
        for (String[] f : new String[][] {{"name", name}, {"superior", superiorCode}}) {
            if (Inputs.text(f[1]) == null) {
                problems.add(Violation.of("P-401", f[0], "problem.missing-parameter", f[0]));
            }
        }
        if (since == null) {
            problems.add(Violation.of("P-401", "since", "problem.missing-parameter", "since"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        String superior = superiorCode.strip();
        CurrentUser user = authorization.requireParty(superior, since);
        jdbc.sql("select pg_advisory_xact_lock(7305010400)").query().singleRow();
        int n = jdbc.sql("select count(*) from party_cell where superior_code = :s and village_code is null")
                .param("s", superior).query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into party_cell (code, name, village_code, superior_code, since, created_by, created_at)
                        values (:code, :name, null, :s, :since, :by, :t) returning id""")
                .param("code", "CB-" + superior + "-K" + (n + 1)).param("name", name.strip()).param("s", superior)
                .param("since", java.sql.Date.valueOf(since)).param("by", user.username())
                .param("t", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record("PARTY_CELL_CREATED", "party_cell", String.valueOf(id), superior, Map.of("superior", superior));
        return get(id);
    }

    /** The cell, for a Party committee user of its superior unit or above (404 unknown, 403 anyone else). */
    @Transactional(readOnly = true)
    public CellView get(long cellId) {
        CellView cell = find(cellId);
        authorization.requireParty(cell.superiorCode(), cell.since());
        return cell;
    }

    /** The cell of a village, if it has one (the guard as {@link #get}). */
    @Transactional(readOnly = true)
    public java.util.Optional<CellView> ofVillage(String villageCode) {
        return jdbc.sql("select id from party_cell where village_code = :v").param("v", villageCode).query(Long.class)
                .optional().map(this::get);
    }

    CellView find(long cellId) {
        return jdbc.sql("""
                        select c.id, c.code, c.name, c.village_code, c.superior_code, c.since,
                               count(*) filter (where m.membership = 'FULL'),
                               count(*) filter (where m.membership = 'PROBATIONARY'),
                               count(*) filter (where m.exempted)
                        from party_cell c left join party_member m on m.cell_id = c.id
                        where c.id = :id group by c.id""")
                .param("id", cellId)
                .query((rs, i) -> new CellView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
                .optional().orElseThrow(() -> DomainException.notFound("party.cell-not-found", cellId));
    }

    /** The members, in the order they were added; the read is audited (Party data is personal data). */
    @Transactional
    public List<Member> members(long cellId) {
        CellView cell = get(cellId);
        List<Member> out = memberRows(cellId);
        audit.record("PARTY_DATA_READ", "party_cell", String.valueOf(cellId), cell.superiorCode(),
                Map.of("members", out.size()));
        return out;
    }

    List<Member> memberRows(long cellId) {
        return jdbc.sql("""
                        select id, full_name, birth_date, personal_id, membership, exempted from party_member
                        where cell_id = :c order by id""")
                .param("c", cellId)
                .query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    /**
     * Adds members, all or nothing: every row's problems at once (a name, a birth date, a 12-digit personal id, FULL or
     * PROBATIONARY, the same person twice in the cell), 422 with each row named.
     */
    @Transactional
    public List<Member> addMembers(long cellId, List<NewMember> members) {
        CellView cell = get(cellId);
        if (members == null || members.isEmpty()) {
            throw DomainException.violations(List.of(Violation.of("P-401", "members", "problem.missing-parameter", "members")));
        }
        Set<String> known = new HashSet<>(jdbc.sql("select personal_id from party_member where cell_id = :c")
                .param("c", cellId).query(String.class).list());
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            NewMember m = members.get(i);
            int row = i + 1;
            String field = "members[" + i + "]";
            if (m == null) {
                problems.add(Violation.of("B-101", field, "party.member-field-required", row, "fullName"));
                continue;
            }
            if (Inputs.text(m.fullName()) == null) {
                problems.add(Violation.of("B-101", field + ".fullName", "party.member-field-required", row, "fullName"));
            }
            if (m.birthDate() == null) {
                problems.add(Violation.of("B-101", field + ".birthDate", "party.member-field-required", row, "birthDate"));
            }
            if (m.personalId() == null || !m.personalId().strip().matches("\\d{12}")) {
                problems.add(Violation.of("B-102", field + ".personalId", "party.member-id-invalid", row));
            } else if (!known.add(m.personalId().strip())) {
                problems.add(Violation.of("B-103", field + ".personalId", "party.member-duplicate", row));
            }
            if (m.membership() != null && !Set.of("FULL", "PROBATIONARY").contains(m.membership())) {
                problems.add(Violation.of("B-101", field + ".membership", "party.member-field-required", row, "membership"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        for (NewMember m : members) {
            jdbc.sql("""
                            insert into party_member (cell_id, full_name, birth_date, personal_id, membership, exempted)
                            values (:c, :n, :b, :p, :m, :x)""")
                    .param("c", cellId).param("n", m.fullName().strip()).param("b", java.sql.Date.valueOf(m.birthDate()))
                    .param("p", m.personalId().strip()).param("m", m.membership() == null ? "FULL" : m.membership())
                    .param("x", Boolean.TRUE.equals(m.exempted())).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("added", members.size());
        audit.record("PARTY_MEMBERS_ADDED", "party_cell", String.valueOf(cellId), cell.superiorCode(), details);
        return memberRows(cellId);
    }

    /** The cells whose superior unit lies within {@code scopeCode} (the guard on the scope). */
    @Transactional(readOnly = true)
    public List<CellView> list(String scopeCode, LocalDate asOf) {
        authorization.requireParty(scopeCode, asOf);
        List<Long> ids = jdbc.sql("select id, village_code, since from party_cell order by code")
                .query((rs, i) -> authorization.isWithin(rs.getString(2) == null ? "" : rs.getString(2),
                        rs.getDate(3).toLocalDate(), scopeCode) ? rs.getLong(1) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        return ids.stream().map(this::find).toList();
    }
}
