package vn.baucu.geography.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import vn.baucu.audit.AuditLog;
import vn.baucu.platform.rules.VietnameseNames;

/**
 * Loads the bundled GSO datasets (see {@code resources/geography/gso/README.md}) once each, in order,
 * each in one transaction with its audit entry. A dataset already loaded is skipped; one loaded from a
 * different file under the same name stops the start-up rather than mixing two versions.
 */
@Component
@DependsOn("flywayInitializer")
public class GsoDatasetImporter implements InitializingBean {

    /** The day the two-level structure took effect (Nghị quyết 202/2025/QH15; Luật 72/2025/QH15). */
    public static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);
    public static final String OLD = "GSO-2025-03-01";
    public static final String NEW = "GSO-2025-07-01";

    private static final Logger log = LoggerFactory.getLogger(GsoDatasetImporter.class);
    private static final String BASE = "geography/gso/";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    GsoDatasetImporter(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs at start-up, after the migrations and before the web server takes requests. */
    @Override
    public void afterPropertiesSet() {
        importAll();
    }

    public void importAll() {
        load(OLD, List.of("communes_pre2025_20250301_flat.csv", "districts_without_communes_20250301.csv"),
                this::importOld);
        load(NEW, List.of("provinces_2025.csv", "communes_2025_flat.csv"), this::importNew);
    }

    private interface Loader {
        int load(Map<String, byte[]> files);
    }

    private void load(String dataset, List<String> fileNames, Loader loader) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        for (String name : fileNames) {
            byte[] bytes = read(BASE + name);
            files.put(name, bytes);
            sha.update(bytes);
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        tx.executeWithoutResult(status -> {
            // two nodes starting together: the second waits, then sees the dataset loaded
            jdbc.sql("select pg_advisory_xact_lock(7305010002)").query().singleRow();
            Optional<String> loaded = jdbc.sql("select sha256 from geography_dataset where name = :n")
                    .param("n", dataset).query(String.class).optional();
            if (loaded.isPresent()) {
                if (!loaded.get().equals(digest)) {
                    throw new IllegalStateException("GSO dataset " + dataset + " was loaded from different files (sha256 "
                            + loaded.get() + ", bundled " + digest + "): give the new files a new dataset name");
                }
                return;
            }
            long started = System.nanoTime();
            int count = loader.load(files);
            jdbc.sql("insert into geography_dataset (name, sha256, units, imported_at) values (:n, :s, :u, :t)")
                    .param("n", dataset).param("s", digest).param("u", count)
                    .param("t", java.sql.Timestamp.from(clock.instant())).update();
            audit.recordAs("system", "GSO_DATASET_IMPORTED", "geography_dataset", dataset, null,
                    Map.of("sha256", digest, "units", count, "files", fileNames));
            log.info("baucu: loaded GSO dataset {} ({} units) in {} ms", dataset, count,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    private int importOld(Map<String, byte[]> files) {
        Map<String, String[]> provinces = new LinkedHashMap<>();   // code -> name, kind
        Map<String, String[]> districts = new LinkedHashMap<>();   // code -> province, name, kind
        List<String[]> communes = new ArrayList<>();               // district, code, name, kind, province
        for (NamedCsvRecord r : csv(files.get("communes_pre2025_20250301_flat.csv"))) {
            provinces.putIfAbsent(r.getField("province_code"),
                    new String[] {r.getField("province_name"), r.getField("province_type")});
            districts.putIfAbsent(r.getField("district_code"), new String[] {r.getField("province_code"),
                r.getField("district_name"), r.getField("district_type")});
            communes.add(new String[] {r.getField("district_code"), r.getField("commune_code"),
                r.getField("commune_name"), r.getField("commune_type"), r.getField("province_code")});
        }
        for (NamedCsvRecord r : csv(files.get("districts_without_communes_20250301.csv"))) {
            districts.putIfAbsent(r.getField("district_code"), new String[] {r.getField("province_code"),
                r.getField("district_name"), r.getField("district_type")});
        }
        Map<String, Long> provinceIds = new LinkedHashMap<>();
        provinces.forEach((code, p) -> provinceIds.put(code,
                insert(code, "PROVINCE", p[1], p[0], null, code, null, REFORM_2025, OLD)));
        Map<String, Long> districtIds = new LinkedHashMap<>();
        districts.forEach((code, d) -> districtIds.put(code,
                insert(code, "DISTRICT", d[2], d[1], provinceIds.get(d[0]), d[0], null, REFORM_2025, OLD)));
        batch(communes.stream().map(c -> new Object[] {c[1], "COMMUNE", c[3], c[2], districtIds.get(c[0]), c[4],
            null, REFORM_2025, OLD}).toList());
        return provinces.size() + districts.size() + communes.size();
    }

    private int importNew(Map<String, byte[]> files) {
        Map<String, Long> provinceIds = new LinkedHashMap<>();
        List<Object[]> links = new ArrayList<>();
        for (NamedCsvRecord r : csv(files.get("provinces_2025.csv"))) {
            String code = r.getField("province_code");
            provinceIds.put(code, insert(code, "PROVINCE", r.getField("province_type"), r.getField("province_name"),
                    null, code, REFORM_2025, null, NEW));
            for (String old : r.getField("merged_from_old_codes").split(";")) {
                links.add(link("PROVINCE", code, old));
            }
        }
        List<Object[]> communes = new ArrayList<>();
        for (NamedCsvRecord r : csv(files.get("communes_2025_flat.csv"))) {
            String code = r.getField("commune_code");
            String province = r.getField("province_code");
            communes.add(new Object[] {code, "COMMUNE", r.getField("commune_type"), r.getField("commune_name"),
                provinceIds.get(province), province, REFORM_2025, null, NEW});
            for (String old : r.getField("merged_from_old_codes").split(";")) {
                links.add(link("COMMUNE", code, old));
            }
        }
        batch(communes);
        // an old code of 5 digits is a commune; of 3 digits, a whole island district made a special zone
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, level, code, source from admin_unit where source in (:old, :new) and level <> 'VILLAGE'")
                .param("old", OLD).param("new", NEW)
                .query(rs -> {
                    ids.put(rs.getString("source") + "|" + rs.getString("level") + "|" + rs.getString("code"),
                            rs.getLong("id"));
                });
        List<Object[]> resolved = new ArrayList<>();
        for (Object[] l : links) {
            String oldCode = (String) l[2];
            String oldLevel = switch (oldCode.length()) {
                case 2 -> "PROVINCE";
                case 3 -> "DISTRICT";
                default -> "COMMUNE";
            };
            Long successor = ids.get(NEW + "|" + l[0] + "|" + l[1]);
            Long predecessor = ids.get(OLD + "|" + oldLevel + "|" + oldCode);
            if (successor == null || predecessor == null) {
                throw new IllegalStateException("GSO 2025 mapping: " + l[1] + " <- " + oldCode + " does not resolve");
            }
            resolved.add(new Object[] {successor, predecessor, l[3]});
        }
        template.batchUpdate("insert into admin_unit_lineage (successor_id, predecessor_id, kind, effective) values (?, ?, ?, ?)",
                resolved, 1000, (PreparedStatement ps, Object[] l) -> {
                    ps.setLong(1, (Long) l[0]);
                    ps.setLong(2, (Long) l[1]);
                    ps.setString(3, (String) l[2]);
                    ps.setDate(4, Date.valueOf(REFORM_2025));
                });
        int linked = jdbc.sql("select count(*) from admin_unit_lineage l join admin_unit n on n.id = l.successor_id"
                + " where n.source = :s").param("s", NEW).query(Integer.class).single();
        if (linked != links.size()) {
            throw new IllegalStateException("GSO 2025 mapping: " + links.size() + " links, " + linked
                    + " resolved to old units");
        }
        return provinceIds.size() + communes.size();
    }

    private static Object[] link(String level, String newCode, String oldSpec) {
        String s = oldSpec.strip();
        boolean partial = s.endsWith("(partial)");
        String oldCode = partial ? s.substring(0, s.length() - "(partial)".length()) : s;
        return new Object[] {level, newCode, oldCode, partial ? "PARTIAL" : "FULL"};
    }

    private long insert(String code, String level, String kind, String name, Long parentId, String province,
                        LocalDate from, LocalDate to, String source) {
        String clean = VietnameseNames.clean(name);
        return jdbc.sql("""
                        insert into admin_unit (code, level, kind, name, match_key, search_key, parent_id, province_code,
                                                valid_from, valid_to, source)
                        values (:code, :level, :kind, :name, :mk, :sk, :parent, :province, :from, :to, :source)
                        returning id""")
                .param("code", code).param("level", level).param("kind", VietnameseNames.clean(kind))
                .param("name", clean).param("mk", VietnameseNames.matchKey(clean))
                .param("sk", VietnameseNames.searchKey(clean)).param("parent", parentId).param("province", province)
                .param("from", from == null ? null : Date.valueOf(from)).param("to", to == null ? null : Date.valueOf(to))
                .param("source", source)
                .query(Long.class).single();
    }

    private void batch(List<Object[]> rows) {
        template.batchUpdate("""
                insert into admin_unit (code, level, kind, name, match_key, search_key, parent_id, province_code,
                                        valid_from, valid_to, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (PreparedStatement ps, Object[] r) -> {
                    String name = VietnameseNames.clean((String) r[3]);
                    ps.setString(1, (String) r[0]);
                    ps.setString(2, (String) r[1]);
                    ps.setString(3, VietnameseNames.clean((String) r[2]));
                    ps.setString(4, name);
                    ps.setString(5, VietnameseNames.matchKey(name));
                    ps.setString(6, VietnameseNames.searchKey(name));
                    ps.setObject(7, r[4]);
                    ps.setString(8, (String) r[5]);
                    ps.setDate(9, r[6] == null ? null : Date.valueOf((LocalDate) r[6]));
                    ps.setDate(10, r[7] == null ? null : Date.valueOf((LocalDate) r[7]));
                    ps.setString(11, (String) r[8]);
                });
    }

    private static List<NamedCsvRecord> csv(byte[] bytes) {
        try (var reader = CsvReader.builder().ofNamedCsvRecord(
                new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("bundled GSO file missing: " + path, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
