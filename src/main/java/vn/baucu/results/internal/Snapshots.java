package vn.baucu.results.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.audit.AuditLog;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Inputs;

/**
 * Published results (contracts/results.md): each publication freezes the live document as a new, immutable version
 * with its time and the SHA-256 of the document as published (computed with {@code snapshot.sha256} absent, then put
 * in); the public reads the latest or any earlier version. A rehearsal never publishes.
 */
@Service
class Snapshots {

    private final JdbcClient jdbc;
    private final ResultsReport report;
    private final Elections elections;
    private final Authorization authorization;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final vn.baucu.counting.CountingMinutes minutes;
    private final long headTtlNanos;
    /** Heads read for serving, by "election:version" (version "" for the latest), each with when it was read. */
    private final java.util.concurrent.ConcurrentHashMap<String, Read> heads = new java.util.concurrent.ConcurrentHashMap<>();

    private record Read(Optional<Head> head, long at) {
    }

    Snapshots(JdbcClient jdbc, ResultsReport report, Elections elections, Authorization authorization, AuditLog audit,
              JsonMapper json, Clock clock, vn.baucu.counting.CountingMinutes minutes,
              @org.springframework.beans.factory.annotation.Value("${baucu.portal.head-ttl:1s}") java.time.Duration headTtl) {
        this.minutes = minutes;
        this.headTtlNanos = headTtl.toNanos();
        this.jdbc = jdbc;
        this.report = report;
        this.elections = elections;
        this.authorization = authorization;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    record Snapshot(long electionId, int version, OffsetDateTime publishedAt, String sha256, String document) {
    }

    @Transactional
    public Snapshot publish(long electionId) {
        ElectionView election = elections.requireAdministers(electionId);
        if (election.rehearsal()) {
            throw DomainException.conflict("results.rehearsal-not-published", electionId);
        }
        // one publication at a time per election: the versions follow each other
        jdbc.sql("select pg_advisory_xact_lock(7305010100 + :e)").param("e", electionId).query().singleRow();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from result_snapshot where election_id = :e")
                .param("e", electionId).query(Integer.class).single();
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), vn.baucu.counting.PollingDay.VIETNAM).withNano(0);
        Map<String, Object> doc = new LinkedHashMap<>(report.document(electionId));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("version", version);
        snapshot.put("publishedAt", at.toString());
        doc.put("snapshot", snapshot);
        String sha = Inputs.sha256(json.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
        snapshot.put("sha256", sha);
        String text = json.writeValueAsString(doc);
        jdbc.sql("""
                        insert into result_snapshot (election_id, version, published_at, published_by, sha256, document)
                        values (:e, :v, :t, :by, :sha, :d)""")
                .param("e", electionId).param("v", version).param("t", Timestamp.from(at.toInstant()))
                .param("by", authorization.currentUser().username()).param("sha", sha).param("d", text).update();
        audit.record("RESULTS_PUBLISHED", "election", String.valueOf(electionId), election.scopeCode(),
                Map.of("version", version, "sha256", sha));
        // this node serves the new version as soon as it is committed; another node within baucu.portal.head-ttl
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        heads.keySet().removeIf(k -> k.startsWith(electionId + ":"));
                    }
                });
        return new Snapshot(electionId, version, at, sha, text);
    }

    /** A published snapshot without its document: enough to know which one a request gets. */
    record Head(long electionId, int version, OffsetDateTime publishedAt, String sha256) {
    }

    /**
     * {@link #head} as results night serves it: read from PostgreSQL at most once per {@code baucu.portal.head-ttl}
     * (1 s by default) per election and version on each node, instead of once per request. A publication on this node
     * is served at once; on another node within that time, well inside the 60 s a CDN may keep the answer anyway.
     */
    Optional<Head> servedHead(long electionId, Integer version) {
        String key = electionId + ":" + (version == null ? "" : version);
        long now = System.nanoTime();
        Read r = heads.get(key);
        if (r == null || now - r.at() > headTtlNanos) {
            r = new Read(head(electionId, version), now);
            if (heads.size() > 10_000) {
                heads.clear();
            }
            heads.put(key, r);
        }
        return r.head();
    }

    /** As {@link #published} without reading the document (one small indexed row). */
    @Transactional(readOnly = true)
    public Optional<Head> head(long electionId, Integer version) {
        return jdbc.sql("""
                        select s.election_id, s.version, s.published_at, s.sha256 from result_snapshot s
                        join election e on e.id = s.election_id and e.rehearsal_of is null
                        where s.election_id = :e and (cast(:v as integer) is null or s.version = :v)
                        order by s.version desc limit 1""")
                .param("e", electionId).param("v", version)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getInt(2),
                        OffsetDateTime.ofInstant(rs.getTimestamp(3).toInstant(), vn.baucu.counting.PollingDay.VIETNAM),
                        rs.getString(4)))
                .optional();
    }

    /** The latest published snapshot (or version {@code version}); empty for none, and always for a rehearsal. */
    @Transactional(readOnly = true)
    public Optional<Snapshot> published(long electionId, Integer version) {
        return jdbc.sql("""
                        select s.election_id, s.version, s.published_at, s.sha256, s.document from result_snapshot s
                        join election e on e.id = s.election_id and e.rehearsal_of is null
                        where s.election_id = :e and (cast(:v as integer) is null or s.version = :v)
                        order by s.version desc limit 1""")
                .param("e", electionId).param("v", version)
                .query((rs, i) -> new Snapshot(rs.getLong(1), rs.getInt(2),
                        OffsetDateTime.ofInstant(rs.getTimestamp(3).toInstant(), vn.baucu.counting.PollingDay.VIETNAM),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** The elections that have published something, newest first, each with its latest snapshot. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> publishedElections() {
        return jdbc.sql("""
                        select e.id, e.name, e.kind, e.election_day, s.version, s.published_at, s.sha256
                        from election e join lateral (select * from result_snapshot s where s.election_id = e.id
                                                      order by s.version desc limit 1) s on true
                        where e.rehearsal_of is null order by s.published_at desc""")
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("name", rs.getString(2));
                    m.put("kind", rs.getString(3));
                    m.put("electionDay", rs.getDate(4).toLocalDate().toString());
                    m.put("snapshot", Map.of("version", rs.getInt(5), "publishedAt",
                            OffsetDateTime.ofInstant(rs.getTimestamp(6).toInstant(), vn.baucu.counting.PollingDay.VIETNAM)
                                    .toString(), "sha256", rs.getString(7)));
                    return m;
                }).list();
    }

    /**
     * One contest of a published snapshot, with the figures of every minutes behind it as they were certified — only the
     * minutes whose hashes the snapshot lists, so nothing unpublished shows.
     */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> contest(Snapshot s, String place) {
        Map<String, Object> doc = json.readValue(s.document(), Map.class);
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("contests")) {
            if (!place.equals(c.get("place"))) {
                continue;
            }
            Map<String, Object> out = new LinkedHashMap<>(c);
            out.put("snapshot", doc.get("snapshot"));
            List<Map<String, Object>> areas = new java.util.ArrayList<>();
            for (Map<String, Object> m : (List<Map<String, Object>>) c.get("minutes")) {
                String canonical = minutes.certifiedBySha(String.valueOf(m.get("sha256"))).orElse(null);
                if (canonical == null) {
                    continue;
                }
                Map<String, Object> data = json.readValue(canonical, Map.class);
                Map<String, Object> area = new LinkedHashMap<>();
                area.put("level", m.get("level"));
                area.put("pollingArea", m.get("pollingArea"));
                area.put("version", m.get("version"));
                area.put("sha256", m.get("sha256"));
                area.put("figures", data.get("figures"));
                area.put("candidates", data.get("candidates"));
                area.put("pdf", "/api/v1/public/minutes/" + m.get("sha256") + ".pdf");
                areas.add(area);
            }
            out.put("minutes", areas);
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** One row per contest and candidate, the snapshot in the first line as a comment. */
    public String csv(Snapshot s) {
        var doc = json.readTree(s.document());
        StringBuilder out = new StringBuilder("# snapshot ").append(s.version()).append(" published ")
                .append(s.publishedAt()).append('\n');
        out.append("place,name,status,outcome,electorate,participants,valid_ballots,candidate_id,candidate,votes,percent,elected\n");
        for (var c : doc.get("contests")) {
            for (var k : c.get("candidates")) {
                out.append(cell(c.get("place").asString())).append(',').append(cell(c.get("name").asString())).append(',')
                        .append(c.get("status").asString()).append(',').append(text(c.get("outcome"))).append(',')
                        .append(text(c.get("electorate"))).append(',').append(text(c.get("participants"))).append(',')
                        .append(text(c.get("validBallots"))).append(',').append(k.get("id").asString()).append(',')
                        .append(cell(k.get("name").asString())).append(',').append(k.get("votes").asLong()).append(',')
                        .append(text(k.get("percent"))).append(',').append(k.get("elected").asBoolean()).append('\n');
            }
        }
        return out.toString();
    }

    private static String text(tools.jackson.databind.JsonNode n) {
        return n == null || n.isNull() ? "" : n.asString();
    }

    private static String cell(String value) {
        return vn.baucu.platform.CellText.csv(value);
    }
}
