package vn.baucu.candidates.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.NewCandidate;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.rules.VietnameseNames;

/** SQL of the candidates module. */
@Repository
public class CandidateStore {

    private final JdbcClient jdbc;

    public CandidateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contest with its election's rules; {@code unitCode} is its commune, or its province above communes. */
    public record Contest(long id, long electionId, String placeCode, int seats, String ruleSet, String kind,
                          String councilLevel, LocalDate electionDay, String unitCode, Long villageId, boolean frozen,
                          String provinceCode, String communeCode) {
    }

    public Optional<Contest> contest(long electionId, String placeCode) {
        return jdbc.sql("""
                        select c.id, c.election_id, c.place_code, c.seats, e.rule_set, e.kind, e.council_level, e.election_day,
                               coalesce(c.commune_code, c.province_code), c.village_id, e.status, c.province_code,
                               c.commune_code
                        from contest c join election e on e.id = c.election_id
                        where c.election_id = :e and c.place_code = :p""")
                .param("e", electionId).param("p", placeCode)
                .query((rs, i) -> {
                    long v = rs.getLong(10);
                    Long village = rs.wasNull() ? null : v;
                    return new Contest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), rs.getString(9), village,
                            "FROZEN".equals(rs.getString(11)), rs.getString(12), rs.getString(13));
                }).optional();
    }

    /** Other active candidacies of the same person on the same election day: (kind, council level, contest id). */
    public List<String[]> sameDayCandidacies(LocalDate day, String personalId, String matchKey, LocalDate birth) {
        return jdbc.sql("""
                        select e.kind, coalesce(e.council_level, ''), cast(k.contest_id as varchar)
                        from candidate k join election e on e.id = k.election_id
                        where e.election_day = :d and k.status not in ('WITHDRAWN', 'STRUCK_OFF')
                          and ((cast(:pid as varchar) is not null and k.personal_id = :pid)
                               or (k.match_key = :mk and k.birth_date = :birth))""")
                .param("d", Date.valueOf(day)).param("pid", personalId).param("mk", matchKey).param("birth", Date.valueOf(birth))
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    public long insert(Contest c, NewCandidate n, String by) {
        String name = VietnameseNames.clean(n.fullName());
        return jdbc.sql("""
                        insert into candidate (election_id, contest_id, full_name, match_key, other_name, birth_date, sex,
                            personal_id, ethnicity, religion, hometown, residence, education, qualification, political_theory,
                            party_member, party_joined, workplace, position, incumbent, nomination_source, created_by)
                        values (:e, :c, :name, :mk, :other, :birth, :sex, :pid, :eth, :rel, :home, :res, :edu, :qual, :pt,
                            :party, :joined, :work, :pos, :inc, :src, :by) returning id""")
                .param("e", c.electionId()).param("c", c.id()).param("name", name).param("mk", VietnameseNames.matchKey(name))
                .param("other", Inputs.text(n.otherName())).param("birth", Date.valueOf(n.birthDate()))
                .param("sex", String.valueOf(n.sex())).param("pid", Inputs.text(n.personalId())).param("eth", Inputs.text(n.ethnicity()))
                .param("rel", Inputs.text(n.religion())).param("home", Inputs.text(n.hometown())).param("res", Inputs.text(n.residence()))
                .param("edu", Inputs.text(n.education())).param("qual", Inputs.text(n.qualification()))
                .param("pt", Inputs.text(n.politicalTheory())).param("party", n.partyMember())
                .param("joined", n.partyJoined() == null ? null : Date.valueOf(n.partyJoined()))
                .param("work", Inputs.text(n.workplace())).param("pos", Inputs.text(n.position())).param("inc", n.incumbent())
                .param("src", n.nominationSource()).param("by", by)
                .query(Long.class).single();
    }

    public Optional<CandidateView> find(long id) {
        return jdbc.sql(VIEW + " where k.id = :id").param("id", id).query(CandidateStore::view).optional();
    }

    public List<CandidateView> byContest(long contestId) {
        return jdbc.sql(VIEW + " where k.contest_id = :c order by k.list_position nulls last, k.id").param("c", contestId)
                .query(CandidateStore::view).list();
    }

    /** Sets ELECTED / NOT_ELECTED on the names of a contest's list that still stand. */
    public void recordOutcome(long contestId, java.util.Collection<Long> elected) {
        jdbc.sql("""
                        update candidate set status = case when id = any(:ids) then 'ELECTED' else 'NOT_ELECTED' end
                        where contest_id = :c and list_position is not null
                          and status in ('ON_LIST', 'ELECTED', 'NOT_ELECTED')""")
                .param("c", contestId).param("ids", elected.toArray(new Long[0])).update();
    }

    /** Moves a candidate from {@code from} (and only from it) to {@code to}; false when someone else moved it first. */
    public boolean moveStatus(long id, String from, String to, LocalDate date, String reason, String decision) {
        return jdbc.sql("""
                        update candidate set status = :s, status_date = :d, status_reason = :r, status_decision = :dec,
                            status_recorded_at = now()
                        where id = :id and status = :from""")
                .param("s", to).param("d", date == null ? null : Date.valueOf(date)).param("r", reason)
                .param("dec", decision).param("id", id).param("from", from).update() == 1;
    }

    public void putOnList(long id, int position) {
        jdbc.sql("update candidate set status = 'ON_LIST', list_position = :p where id = :id")
                .param("p", position).param("id", id).update();
    }

    public List<String> activeKeys(List<Long> contestIds) {
        if (contestIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select match_key from candidate where contest_id = any(:c) and status not in ('WITHDRAWN', 'STRUCK_OFF')")
                .param("c", contestIds.toArray(new Long[0])).query(String.class).list();
    }

    public List<String> finalListLines(long electionId) {
        return jdbc.sql("""
                        select concat_ws('|', 'list', c.place_code, k.list_position, k.full_name, k.birth_date)
                        from candidate k join contest c on c.id = k.contest_id
                        where k.election_id = :e and k.list_position is not null and not k.added_at_meeting""")
                .param("e", electionId).query(String.class).list();
    }

    /** Candidates of an election (or one contest) for statistics: active ones, or only the elected. */
    public List<CandidateView> forStatistics(long electionId, String placeCode, boolean electedOnly) {
        return jdbc.sql(VIEW + " " + """
                         where k.election_id = :e and (cast(:p as varchar) is null or c.place_code = :p
                                or c.commune_code = :p or c.province_code = :p)
                           and (case when :elected then k.status = 'ELECTED' else k.status not in ('WITHDRAWN', 'STRUCK_OFF') end)""")
                .param("e", electionId).param("p", placeCode).param("elected", electedOnly)
                .query(CandidateStore::view).list();
    }

    public String placeName(long contestId) {
        return jdbc.sql("select place_name from contest where id = :c").param("c", contestId).query(String.class).single();
    }

    public String fingerprint(long electionId) {
        return jdbc.sql("select fingerprint from election where id = :e").param("e", electionId).query(String.class)
                .optional().orElse(null);
    }

    public void insertVoterConference(long candidateId, String place, LocalDate on, long voters, long present, long trust,
                                      boolean trusted) {
        jdbc.sql("""
                        insert into voter_conference (candidate_id, place, held_on, voters, present, trust_votes, trusted)
                        values (:c, :p, :on, :v, :pr, :t, :ok)""")
                .param("c", candidateId).param("p", place).param("on", Date.valueOf(on)).param("v", voters)
                .param("pr", present).param("t", trust).param("ok", trusted).update();
    }

    public long insertDocument(long candidateId, String kind, String fileName, String contentType, String sha256,
                               byte[] content, String by) {
        return jdbc.sql("""
                        insert into candidate_document (candidate_id, kind, file_name, content_type, sha256, content, uploaded_by)
                        values (:c, :k, :f, :t, :s, :b, :by) returning id""")
                .param("c", candidateId).param("k", kind).param("f", fileName).param("t", contentType).param("s", sha256)
                .param("b", content).param("by", by).query(Long.class).single();
    }

    /** Records (or records again) a consultation round of a unit; returns its id. Its list is replaced separately. */
    public long upsertConsultation(long electionId, int round, LocalDate on, String unitCode, long attendance,
                                   Integer plannedSeats, String outcome, String by) {
        return jdbc.sql("""
                        insert into consultation (election_id, round, held_on, unit_code, attendance, planned_seats, outcome,
                                                  recorded_by)
                        values (:e, :r, :on, :u, :a, :p, :o, :by)
                        on conflict (election_id, unit_code, round) do update
                        set held_on = excluded.held_on, attendance = excluded.attendance,
                            planned_seats = excluded.planned_seats, outcome = excluded.outcome, recorded_by = excluded.recorded_by
                        returning id""")
                .param("e", electionId).param("r", round).param("on", Date.valueOf(on)).param("u", unitCode)
                .param("a", attendance).param("p", plannedSeats).param("o", outcome).param("by", by)
                .query(Long.class).single();
    }

    public void replaceConsultationList(long consultationId, List<Long> candidateIds, java.util.Map<Long, String> specialCases) {
        jdbc.sql("delete from consultation_entry where consultation_id = :c").param("c", consultationId).update();
        for (int i = 0; i < candidateIds.size(); i++) {
            long id = candidateIds.get(i);
            jdbc.sql("""
                            insert into consultation_entry (consultation_id, candidate_id, position, special_case)
                            values (:c, :k, :p, :s)""")
                    .param("c", consultationId).param("k", id).param("p", i + 1).param("s", specialCases.get(id)).update();
        }
    }

    /** The list a round produced for a unit: null when that round was not recorded. */
    public java.util.Set<Long> consultationList(long electionId, String unitCode, int round) {
        var id = jdbc.sql("select id from consultation where election_id = :e and unit_code = :u and round = :r")
                .param("e", electionId).param("u", unitCode).param("r", round).query(Long.class).optional();
        if (id.isEmpty()) {
            return null;
        }
        return new java.util.LinkedHashSet<>(jdbc.sql("select candidate_id from consultation_entry where consultation_id = :c order by position")
                .param("c", id.get()).query(Long.class).list());
    }

    /** The round-3 list of whichever unit's consultation covers this contest (its commune, else its province), or null. */
    public java.util.Set<Long> qualifiedList(Contest contest) {
        java.util.Set<Long> out = contest.communeCode() == null ? null : consultationList(contest.electionId(), contest.communeCode(), 3);
        return out != null ? out : consultationList(contest.electionId(), contest.provinceCode(), 3);
    }

    public record ConsultationRow(long id, int round, LocalDate heldOn, String unitCode, long attendance, Integer plannedSeats,
                                  String outcome, List<String> names) {
    }

    public List<ConsultationRow> consultations(long electionId) {
        return jdbc.sql("""
                        select q.id, q.round, q.held_on, q.unit_code, q.attendance, q.planned_seats, q.outcome,
                               coalesce(array_agg(k.full_name || coalesce(' (' || x.special_case || ')', '') order by x.position)
                                        filter (where k.id is not null), '{}')
                        from consultation q left join consultation_entry x on x.consultation_id = q.id
                        left join candidate k on k.id = x.candidate_id
                        where q.election_id = :e group by q.id order by q.unit_code, q.round""")
                .param("e", electionId)
                .query((rs, i) -> {
                    int seats = rs.getInt(6);
                    Integer planned = rs.wasNull() ? null : seats;
                    return new ConsultationRow(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                            rs.getLong(5), planned, rs.getString(7), List.of((String[]) rs.getArray(8).getArray()));
                }).list();
    }

    /** Whether each voter conference of a candidate trusted them. */
    public List<Boolean> conferencesTrusted(long candidateId) {
        return jdbc.sql("select trusted from voter_conference where candidate_id = :c order by id").param("c", candidateId)
                .query(Boolean.class).list();
    }

    public record FrontMeeting(long id, long contestId, LocalDate heldOn, long attendance, String chairedBy, boolean cellAgreed,
                               LocalDate cellAgreedOn, String cellAgreementRef, LocalDate minutesSentOn, List<Long> candidateIds) {
    }

    public long upsertFrontMeeting(long contestId, LocalDate heldOn, long attendance, String chairedBy, boolean cellAgreed,
                                   LocalDate cellAgreedOn, String ref, LocalDate sentOn, List<Long> candidateIds, String by) {
        long id = jdbc.sql("""
                        insert into front_meeting (contest_id, held_on, attendance, chaired_by, cell_agreed, cell_agreed_on,
                                                   cell_agreement_ref, minutes_sent_on, recorded_by, recorded_at)
                        values (:c, :on, :a, :ch, :ok, :okOn, :ref, :sent, :by, now())
                        on conflict (contest_id) do update
                        set held_on = excluded.held_on, attendance = excluded.attendance, chaired_by = excluded.chaired_by,
                            cell_agreed = excluded.cell_agreed, cell_agreed_on = excluded.cell_agreed_on,
                            cell_agreement_ref = excluded.cell_agreement_ref, minutes_sent_on = excluded.minutes_sent_on,
                            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                        returning id""")
                .param("c", contestId).param("on", Date.valueOf(heldOn)).param("a", attendance).param("ch", chairedBy)
                .param("ok", cellAgreed).param("okOn", cellAgreedOn == null ? null : Date.valueOf(cellAgreedOn))
                .param("ref", ref).param("sent", sentOn == null ? null : Date.valueOf(sentOn)).param("by", by)
                .query(Long.class).single();
        jdbc.sql("delete from front_meeting_entry where front_meeting_id = :m").param("m", id).update();
        for (int i = 0; i < candidateIds.size(); i++) {
            jdbc.sql("insert into front_meeting_entry (front_meeting_id, candidate_id, position) values (:m, :k, :p)")
                    .param("m", id).param("k", candidateIds.get(i)).param("p", i + 1).update();
        }
        return id;
    }

    public Optional<FrontMeeting> frontMeeting(long contestId) {
        return jdbc.sql("""
                        select m.id, m.contest_id, m.held_on, m.attendance, m.chaired_by, m.cell_agreed, m.cell_agreed_on,
                               m.cell_agreement_ref, m.minutes_sent_on,
                               coalesce(array_agg(x.candidate_id order by x.position) filter (where x.candidate_id is not null), '{}')
                        from front_meeting m left join front_meeting_entry x on x.front_meeting_id = m.id
                        where m.contest_id = :c group by m.id""")
                .param("c", contestId)
                .query((rs, i) -> {
                    Date agreed = rs.getDate(7);
                    Date sent = rs.getDate(9);
                    return new FrontMeeting(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getLong(4),
                            rs.getString(5), rs.getBoolean(6), agreed == null ? null : agreed.toLocalDate(), rs.getString(8),
                            sent == null ? null : sent.toLocalDate(), List.of((Long[]) rs.getArray(10).getArray()));
                }).optional();
    }

    /** Puts a name nominated from the floor of the election meeting at the end of the list. */
    public void addAtMeeting(long candidateId, long contestId) {
        jdbc.sql("""
                        update candidate set status = 'ON_LIST', added_at_meeting = true, status_recorded_at = now(),
                            list_position = (select coalesce(max(list_position), 0) + 1 from candidate where contest_id = :c)
                        where id = :id""")
                .param("c", contestId).param("id", candidateId).update();
    }

    /** NOMINATED → CONSULTED for those of {@code candidateIds} still nominated; the ids that moved (for the audit log). */
    public List<Long> markConsulted(java.util.Collection<Long> candidateIds) {
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update candidate set status = 'CONSULTED', status_recorded_at = now()
                        where id = any(:ids) and status = 'NOMINATED' returning id""")
                .param("ids", candidateIds.toArray(new Long[0])).query(Long.class).list();
    }

    public void replacePlan(long electionId, java.util.Map<String, java.math.BigDecimal> plan) {
        jdbc.sql("delete from composition_plan where election_id = :e").param("e", electionId).update();
        plan.forEach((item, target) -> jdbc.sql("insert into composition_plan (election_id, item, target_percent) values (:e, :i, :t)")
                .param("e", electionId).param("i", item).param("t", target).update());
    }

    public java.util.Map<String, java.math.BigDecimal> plan(long electionId) {
        java.util.Map<String, java.math.BigDecimal> out = new java.util.TreeMap<>();
        jdbc.sql("select item, target_percent from composition_plan where election_id = :e").param("e", electionId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return out;
    }

    /** Whether every contest of the election has a posted list. */
    public boolean allListsPosted(long electionId) {
        return jdbc.sql("""
                        select not exists (select 1 from contest c where c.election_id = :e and not exists
                            (select 1 from candidate k where k.contest_id = c.id and k.list_posted_on is not null))""")
                .param("e", electionId).query(Boolean.class).single();
    }

    /** When the contest's list was posted, or null. */
    public LocalDate postedOn(long contestId) {
        return jdbc.sql("select list_posted_on from candidate where contest_id = :c and list_posted_on is not null limit 1")
                .param("c", contestId).query((rs, i) -> rs.getDate(1).toLocalDate()).optional().orElse(null);
    }

    public void markListPosted(long contestId, LocalDate on) {
        jdbc.sql("update candidate set list_posted_on = :on where contest_id = :c and list_position is not null")
                .param("on", Date.valueOf(on)).param("c", contestId).update();
    }

    public List<CandidateView> postedList(long electionId, String placeCode) {
        return jdbc.sql(VIEW + " where k.election_id = :e and c.place_code = :p and k.list_posted_on is not null"
                        + " and e.rehearsal_of is null"
                        + " and k.status not in ('WITHDRAWN', 'STRUCK_OFF') order by k.list_position")
                .param("e", electionId).param("p", placeCode).query(CandidateStore::view).list();
    }

    /** A contest as the candidates overview lists it. */
    public record ContestLine(String placeCode, String placeName, int seats, String communeCode, String provinceCode,
                              int active, int onList, LocalDate postedOn, boolean frontMeeting) {
    }

    /** Contests of an election whose code, name or unit matches {@code q} (all when blank), at most {@code limit}. */
    public List<ContestLine> contestLines(long electionId, String q, int limit) {
        String query = q == null ? "" : q.strip();
        return jdbc.sql("""
                        select c.place_code, c.place_name, c.seats, c.commune_code, c.province_code,
                               count(k.id) filter (where k.status not in ('WITHDRAWN', 'STRUCK_OFF')),
                               count(k.id) filter (where k.list_position is not null and k.status not in ('WITHDRAWN', 'STRUCK_OFF')),
                               max(k.list_posted_on),
                               exists (select 1 from front_meeting m where m.contest_id = c.id)
                        from contest c left join candidate k on k.contest_id = c.id
                        where c.election_id = :e and (:q = '' or c.place_code = :q or c.commune_code = :q
                              or c.province_code = :q or lower(c.place_name) like lower(:like))
                        group by c.id order by c.province_code, c.commune_code nulls first, c.place_code limit :lim""")
                .param("e", electionId).param("q", query).param("like", "%" + query.replace("%", "") + "%").param("lim", limit)
                .query((rs, i) -> {
                    Date posted = rs.getDate(8);
                    return new ContestLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getInt(7), posted == null ? null : posted.toLocalDate(), rs.getBoolean(9));
                }).list();
    }

    /** Candidates of an election standing in contests of a unit (its province or its commune), by contest then name. */
    public List<CandidateView> ofUnit(long electionId, String unitCode) {
        return jdbc.sql(VIEW + " where k.election_id = :e and (c.province_code = :u or c.commune_code = :u)"
                        + " order by c.place_code, k.id")
                .param("e", electionId).param("u", unitCode).query(CandidateStore::view).list();
    }

    /** A document attached to a candidacy, without its content. */
    public record DocumentRow(long id, long candidateId, String kind, String fileName, String contentType, String sha256,
                              long size) {
    }

    private static final String DOCUMENT = """
            select d.id, d.candidate_id, d.kind, d.file_name, d.content_type, d.sha256, length(d.content)
            from candidate_document d""";

    private static DocumentRow documentRow(ResultSet rs, int i) throws SQLException {
        return new DocumentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7));
    }

    public List<DocumentRow> documents(long electionId, String placeCode) {
        return jdbc.sql(DOCUMENT + """
                         join candidate k on k.id = d.candidate_id join contest c on c.id = k.contest_id
                        where k.election_id = :e and c.place_code = :p order by d.id""")
                .param("e", electionId).param("p", placeCode).query(CandidateStore::documentRow).list();
    }

    public Optional<DocumentRow> document(long id) {
        return jdbc.sql(DOCUMENT + " where d.id = :id").param("id", id).query(CandidateStore::documentRow).optional();
    }

    public byte[] documentContent(long id) {
        return jdbc.sql("select content from candidate_document where id = :id").param("id", id).query(byte[].class).single();
    }

    static final String VIEW = """
            select k.*, c.place_code,
                   (k.status in ('STRUCK_OFF', 'WITHDRAWN') and e.frozen_at is not null and k.list_position is not null
                    and k.status_recorded_at > e.frozen_at) as struck_after_printing
            from candidate k join contest c on c.id = k.contest_id join election e on e.id = k.election_id""";

    static CandidateView view(ResultSet rs, int i) throws SQLException {
        Date sd = rs.getDate("status_date");
        int pos = rs.getInt("list_position");
        Integer position = rs.wasNull() ? null : pos;
        return new CandidateView(rs.getLong("id"), rs.getLong("election_id"), rs.getString("place_code"),
                rs.getString("full_name"), rs.getString("other_name"), rs.getDate("birth_date").toLocalDate(),
                rs.getString("sex").charAt(0), rs.getString("ethnicity"), rs.getString("religion"), rs.getString("hometown"),
                rs.getString("residence"), rs.getString("education"), rs.getString("qualification"),
                rs.getString("political_theory"), rs.getBoolean("party_member"), rs.getString("workplace"),
                rs.getString("position"), rs.getBoolean("incumbent"), rs.getString("nomination_source"),
                rs.getString("status"), sd == null ? null : sd.toLocalDate(), rs.getString("status_reason"),
                rs.getString("status_decision"), position, rs.getBoolean("added_at_meeting"),
                rs.getBoolean("struck_after_printing"));
    }

    /** id, full name, birth date and personal id of these candidates. */
    public List<Object[]> persons(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, full_name, birth_date, personal_id from candidate where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4)})
                .list();
    }
}
