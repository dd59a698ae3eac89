package vn.baucu.geography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;
import vn.baucu.geography.internal.AdminUnitRepository;
import vn.baucu.geography.internal.VillageStore;
import vn.baucu.platform.rules.VietnameseNames;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.TabularFile;
import vn.baucu.platform.TabularFile.TableRow;
import vn.baucu.platform.Violation;

/**
 * Changing villages and residential groups (thôn, tổ dân phố…): create, rename or amend, merge, split,
 * import from a file. Every change is a new dated version — the old one is closed, never overwritten —
 * so an election of 2022 still sees the villages of 2022. Each call checks that the user administers
 * the commune, and writes its audit entry in the same transaction.
 */
@Service
public class Villages {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_HOUSEHOLDS = 100_000;
    static final int MAX_IMPORT_ROWS = 20_000;

    private final AdminUnitRepository units;
    private final VillageStore store;
    private final Authorization authorization;
    private final AuditLog audit;

    Villages(AdminUnitRepository units, VillageStore store, Authorization authorization, AuditLog audit) {
        this.units = units;
        this.store = store;
        this.authorization = authorization;
        this.audit = audit;
    }

    @Transactional
    public AdminUnit create(String communeCode, NewVillage village, LocalDate effective, String decisionRef) {
        AdminUnit commune = communeForChange(communeCode, effective, "communeCode");
        store.lockCommune(commune.code());
        List<Violation> problems = new ArrayList<>(check(village, null, ""));
        if (problems.isEmpty() && nameTaken(commune, village.name(), effective, null)) {
            problems.add(Violation.of("G-206", "name", "village.name-taken", VietnameseNames.clean(village.name()),
                    commune.name()));
        }
        failIfAny(problems);
        AdminUnit created = store.insert(store.nextCode(commune.code()), village.kind().label(), village.name(),
                commune.id(), commune.provinceCode(), effective, village.households(), "COMMUNE", Inputs.text(decisionRef));
        audit.record("VILLAGE_CREATED", "admin_unit", created.code(), commune.code(), details(created, decisionRef));
        return created;
    }

    /** Renames a village or changes its kind or household count from {@code effective} on. */
    @Transactional
    public AdminUnit amend(String villageCode, NewVillage changed, LocalDate effective, String decisionRef) {
        return amend(villageCode, changed, effective, decisionRef, null);
    }

    /**
     * As {@link #amend(String, NewVillage, LocalDate, String)}, against the version the client read
     * ({@code If-Match}: 412 when another amendment came first); without one, still a conditional change (409).
     */
    @Transactional
    public AdminUnit amend(String villageCode, NewVillage changed, LocalDate effective, String decisionRef, Integer version) {
        AdminUnit current = villageForChange(villageCode, effective);
        if (version != null && version != current.version()) {
            throw DomainException.stale("village.stale", villageCode, current.version(), version);
        }
        AdminUnit commune = units.findById(current.parentId()).orElseThrow();
        store.lockCommune(commune.code());
        List<Violation> problems = new ArrayList<>(check(changed, null, ""));
        if (problems.isEmpty() && nameTaken(commune, changed.name(), effective, current.code())) {
            problems.add(Violation.of("G-206", "name", "village.name-taken", VietnameseNames.clean(changed.name()),
                    commune.name()));
        }
        failIfAny(problems);
        AdminUnit result;
        if (effective.equals(current.validFrom())) {
            if (!store.correct(current.id(), changed.kind().label(), changed.name(), changed.households(),
                    Inputs.text(decisionRef), current.version())) {
                throw lostRace(villageCode, version);
            }
            result = units.findById(current.id()).orElseThrow();
        } else {
            if (!store.closeAt(current.id(), effective, current.version())) {
                throw lostRace(villageCode, version);
            }
            AdminUnit next = store.insert(current.code(), changed.kind().label(), changed.name(), commune.id(),
                    commune.provinceCode(), effective, changed.households(), current.source(), Inputs.text(decisionRef));
            store.numberVersion(next.id(), current.version() + 1);
            result = units.findById(next.id()).orElseThrow();
        }
        Map<String, Object> details = details(result, decisionRef);
        details.put("previousName", current.name());
        details.put("previousHouseholds", current.households());
        audit.record("VILLAGE_AMENDED", "admin_unit", current.code(), commune.code(), details);
        return result;
    }

    /** Another amendment came first: stale (412) for a client that sent the version it read, a conflict (409) otherwise. */
    private DomainException lostRace(String villageCode, Integer version) {
        return version != null
                ? DomainException.stale("village.stale", villageCode, units.findByCode(villageCode, LocalDate.of(9999, 12, 31))
                        .map(AdminUnit::version).orElse(-1), version)
                : DomainException.conflict("village.changed-meanwhile", villageCode);
    }

    /** Merges villages of one commune into a new one (Nghị quyết of the provincial People's Council). */
    @Transactional
    public AdminUnit merge(List<String> villageCodes, NewVillage merged, LocalDate effective, String decisionRef) {
        Set<String> distinct = new java.util.LinkedHashSet<>(villageCodes);
        if (distinct.size() < 2) {
            throw DomainException.violations(List.of(Violation.of("G-210", "villageCodes", "village.merge-needs-two")));
        }
        List<AdminUnit> sources = new ArrayList<>();
        for (String code : distinct) {
            sources.add(villageForChange(code, effective));
        }
        long communeId = sources.get(0).parentId();
        if (sources.stream().anyMatch(v -> v.parentId() != communeId)) {
            throw DomainException.violations(List.of(Violation.of("G-211", "villageCodes", "village.merge-same-commune")));
        }
        AdminUnit commune = units.findById(communeId).orElseThrow();
        store.lockCommune(commune.code());
        List<Violation> problems = new ArrayList<>(check(merged, null, ""));
        Set<String> leaving = new HashSet<>(distinct);
        if (problems.isEmpty() && store.matchKeysUnder(commune.id(), effective).stream()
                .anyMatch(k -> k.equals(VietnameseNames.matchKey(merged.name()))
                        && sources.stream().noneMatch(s -> VietnameseNames.matchKey(s.name()).equals(k)))) {
            problems.add(Violation.of("G-206", "name", "village.name-taken", merged.name(), commune.name()));
        }
        failIfAny(problems);
        sources.forEach(s -> store.close(s.id(), effective));
        AdminUnit result = store.insert(store.nextCode(commune.code()), merged.kind().label(), merged.name(),
                commune.id(), commune.provinceCode(), effective, merged.households(), "COMMUNE", Inputs.text(decisionRef));
        store.link(result.id(), sources.stream().map(AdminUnit::id).toList(), "MERGED", effective);
        Map<String, Object> details = details(result, decisionRef);
        details.put("mergedFrom", List.copyOf(leaving));
        audit.record("VILLAGES_MERGED", "admin_unit", result.code(), commune.code(), details);
        return result;
    }

    /** Splits a village into two or more new ones. */
    @Transactional
    public List<AdminUnit> split(String villageCode, List<NewVillage> parts, LocalDate effective, String decisionRef) {
        AdminUnit source = villageForChange(villageCode, effective);
        if (parts.size() < 2) {
            throw DomainException.violations(List.of(Violation.of("G-212", "parts", "village.split-needs-two")));
        }
        AdminUnit commune = units.findById(source.parentId()).orElseThrow();
        store.lockCommune(commune.code());
        List<Violation> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<String> existing = store.matchKeysUnder(commune.id(), effective);
        for (int i = 0; i < parts.size(); i++) {
            NewVillage part = parts.get(i);
            List<Violation> own = check(part, null, "parts[" + i + "].");
            problems.addAll(own);
            if (own.isEmpty()) {
                String key = VietnameseNames.matchKey(part.name());
                boolean clash = !keys.add(key)
                        || existing.contains(key) && !key.equals(VietnameseNames.matchKey(source.name()));
                if (clash) {
                    problems.add(Violation.of("G-206", "parts[" + i + "].name", "village.name-taken", part.name(),
                            commune.name()));
                }
            }
        }
        failIfAny(problems);
        store.close(source.id(), effective);
        List<AdminUnit> created = new ArrayList<>();
        for (NewVillage part : parts) {
            AdminUnit v = store.insert(store.nextCode(commune.code()), part.kind().label(), part.name(), commune.id(),
                    commune.provinceCode(), effective, part.households(), "COMMUNE", Inputs.text(decisionRef));
            store.link(v.id(), List.of(source.id()), "SPLIT", effective);
            created.add(v);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("splitInto", created.stream().map(AdminUnit::code).toList());
        details.put("effective", effective.toString());
        details.put("decisionRef", decisionRef);
        audit.record("VILLAGE_SPLIT", "admin_unit", source.code(), commune.code(), details);
        return created;
    }

    /**
     * Imports villages from a CSV or XLSX file with the columns {@code ma_xa} (commune code), {@code ten}
     * (name), {@code loai} (kind) and {@code so_ho} (households); English names ({@code commune_code},
     * {@code name}, {@code kind}, {@code households}) are accepted too. All or nothing: any bad row
     * rejects the whole file with every problem listed by row.
     */
    @Transactional
    public List<AdminUnit> importFile(String fileName, byte[] content, LocalDate effective, String decisionRef) {
        TabularFile table = TabularFile.read(content, MAX_IMPORT_ROWS);
        Map<String, String> columns = resolveColumns(table.header());
        List<Violation> problems = new ArrayList<>();
        for (String required : List.of("commune_code", "name", "kind", "households")) {
            if (!columns.containsKey(required)) {
                problems.add(Violation.of("G-200", required, "village.import.missing-column", required));
            }
        }
        failIfAny(problems);
        if (table.rows().isEmpty()) {
            throw DomainException.violations(List.of(Violation.of("F-106", "file", "file.no-rows")));
        }
        Map<String, Optional<AdminUnit>> communes = new HashMap<>();
        Map<String, List<String>> existingNames = new HashMap<>();
        Map<String, Integer> seenInFile = new HashMap<>();
        List<Object[]> accepted = new ArrayList<>();
        for (TableRow row : table.rows()) {
            String communeCode = row.get(columns.get("commune_code"));
            Optional<AdminUnit> commune = communes.computeIfAbsent(communeCode,
                    c -> units.findByCode(c, effective).filter(u -> u.level() == UnitLevel.COMMUNE));
            String villageName = row.get(columns.get("name"));
            Optional<VillageKind> kind = VillageKind.parse(row.get(columns.get("kind")));
            Integer households = parseHouseholds(row.get(columns.get("households")));
            List<Violation> rowProblems = new ArrayList<>();
            if (commune.isEmpty()) {
                rowProblems.add(Violation.atRow(row.number(), "G-201", "commune_code", "village.commune-unknown",
                        communeCode, effective.toString()));
            } else if (!authorization.allows(commune.get().id(), Access.ADMINISTER)) {
                rowProblems.add(Violation.atRow(row.number(), "G-207", "commune_code", "village.commune-out-of-scope",
                        communeCode));
            }
            rowProblems.addAll(checkFields(villageName, kind.orElse(null), households, row.number(),
                    row.get(columns.get("kind")), row.get(columns.get("households"))));
            if (rowProblems.isEmpty()) {
                AdminUnit c = commune.get();
                String key = VietnameseNames.matchKey(villageName);
                Integer first = seenInFile.putIfAbsent(c.code() + "|" + key, row.number());
                if (first != null) {
                    rowProblems.add(Violation.atRow(row.number(), "G-205", "name", "village.import.duplicate-in-file",
                            VietnameseNames.clean(villageName), c.code(), first));
                } else if (existingNames.computeIfAbsent(c.code(), x -> store.matchKeysUnder(c.id(), effective))
                        .contains(key)) {
                    rowProblems.add(Violation.atRow(row.number(), "G-206", "name", "village.name-taken",
                            VietnameseNames.clean(villageName), c.name()));
                }
            }
            problems.addAll(rowProblems);
            if (rowProblems.isEmpty()) {
                accepted.add(new Object[] {commune.get(), new NewVillage(villageName, kind.get(), households)});
            }
        }
        failIfAny(problems);
        List<AdminUnit> created = new ArrayList<>();
        communes.values().stream().flatMap(Optional::stream).map(AdminUnit::code).sorted().forEach(store::lockCommune);
        for (Object[] a : accepted) {
            AdminUnit c = (AdminUnit) a[0];
            NewVillage v = (NewVillage) a[1];
            created.add(store.insert(store.nextCode(c.code()), v.kind().label(), v.name(), c.id(), c.provinceCode(),
                    effective, v.households(), "IMPORT", Inputs.text(decisionRef)));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", fileName);
        details.put("sha256", Inputs.sha256(content));
        details.put("villages", created.size());
        details.put("effective", effective.toString());
        String scope = communes.size() == 1 ? communes.keySet().iterator().next() : null;
        audit.record("VILLAGES_IMPORTED", "admin_unit", null, scope, details);
        return created;
    }

    /** Moves a province's villages to the new communes of the 2025 reform (see {@link VillageStore#followReform}). */
    @Transactional
    public int followCommuneReform(String provinceCode, LocalDate reform) {
        AdminUnit province = units.findByCode(provinceCode, reform)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", provinceCode, reform));
        authorization.require(province.id(), Access.ADMINISTER, provinceCode);
        int moved = store.followReform(provinceCode, reform);
        audit.record("VILLAGES_FOLLOWED_REFORM", "admin_unit", null, provinceCode,
                Map.of("moved", moved, "effective", reform.toString()));
        return moved;
    }

    private AdminUnit communeForChange(String communeCode, LocalDate effective, String field) {
        AdminUnit commune = units.findByCode(communeCode, effective).filter(u -> u.level() == UnitLevel.COMMUNE)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", communeCode, effective));
        authorization.require(commune.id(), Access.ADMINISTER, communeCode);
        return commune;
    }

    private AdminUnit villageForChange(String villageCode, LocalDate effective) {
        AdminUnit village = units.findByCode(villageCode, effective).filter(u -> u.level() == UnitLevel.VILLAGE)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", villageCode, effective));
        authorization.require(village.id(), Access.ADMINISTER, villageCode);
        if (village.validTo() != null) {
            throw DomainException.conflict("village.not-current", villageCode, village.validTo());
        }
        return village;
    }

    private boolean nameTaken(AdminUnit commune, String name, LocalDate effective, String exceptCode) {
        String key = VietnameseNames.matchKey(name);
        if (exceptCode != null) {
            AdminUnit self = units.findByCode(exceptCode, effective).orElseThrow();
            if (VietnameseNames.matchKey(self.name()).equals(key)) {
                return false;
            }
        }
        return store.matchKeysUnder(commune.id(), effective).contains(key);
    }

    private static List<Violation> check(NewVillage v, Integer row, String prefix) {
        return checkFields(v.name(), v.kind(), v.households(), row, v.kind() == null ? "" : v.kind().label(),
                String.valueOf(v.households())).stream()
                .map(x -> prefix.isEmpty() ? x : new Violation(x.code(), prefix + x.field(), x.row(), x.messageKey(),
                        x.args()))
                .toList();
    }

    private static List<Violation> checkFields(String name, VillageKind kind, Integer households, Integer row,
                                               String rawKind, String rawHouseholds) {
        List<Violation> problems = new ArrayList<>();
        String clean = VietnameseNames.clean(name);
        if (clean == null || clean.isEmpty()) {
            problems.add(new Violation("G-202", "name", row, "village.name-required", List.of()));
        } else if (clean.length() > MAX_NAME_LENGTH) {
            problems.add(new Violation("G-208", "name", row, "village.name-too-long", List.of(MAX_NAME_LENGTH)));
        }
        if (kind == null) {
            problems.add(new Violation("G-203", "kind", row, "village.kind-unknown", List.of(rawKind)));
        }
        if (households == null || households < 0 || households > MAX_HOUSEHOLDS) {
            problems.add(new Violation("G-204", "households", row, "village.households-invalid",
                    List.of(rawHouseholds, MAX_HOUSEHOLDS)));
        }
        return problems;
    }

    private static Integer parseHouseholds(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> resolveColumns(List<String> header) {
        Map<String, List<String>> aliases = Map.of(
                "commune_code", List.of("commune_code", "ma_xa", "ma_don_vi_hanh_chinh_cap_xa", "ma_xa_phuong"),
                "name", List.of("name", "ten", "ten_thon", "ten_thon_to_dan_pho"),
                "kind", List.of("kind", "loai", "village_kind"),
                "households", List.of("households", "so_ho", "so_ho_gia_dinh"));
        Map<String, String> resolved = new HashMap<>();
        aliases.forEach((column, names) -> names.stream().filter(header::contains).findFirst()
                .ifPresent(found -> resolved.put(column, found)));
        return resolved;
    }

    private static void failIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
    }

    private static Map<String, Object> details(AdminUnit v, String decisionRef) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", v.name());
        d.put("kind", v.kind());
        d.put("households", v.households());
        d.put("validFrom", String.valueOf(v.validFrom()));
        d.put("decisionRef", decisionRef);
        return d;
    }
}
