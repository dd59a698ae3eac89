package vn.baucu.voters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.LegacyVietnamese;
import vn.baucu.platform.Violation;
import vn.baucu.platform.rules.VietnameseNames;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VoterRows;

/**
 * Voter lists. This first part validates a file against the published format: rows are streamed
 * (CSV through FastCSV, XLSX through fastexcel-reader), every row-level check of the contract is
 * applied, and the report lists every problem with its row as a spreadsheet shows it.
 */
@Service
public class VoterLists {

    static final int MAX_ERRORS_REPORTED = 10_000;

    private final MessageSource messages;
    private final vn.baucu.voters.internal.VoterListStore store;
    private final vn.baucu.election.Elections elections;
    private final vn.baucu.election.Organisations organisations;
    private final vn.baucu.geography.AdminUnits units;
    private final vn.baucu.platform.Authorization authorization;
    private final vn.baucu.audit.AuditLog audit;
    private final vn.baucu.platform.Documents documents;
    private final java.time.Clock clock;
    private final vn.baucu.platform.ZipBombGuard zipBombs;
    private final org.springframework.transaction.PlatformTransactionManager transactions;

    VoterLists(vn.baucu.platform.ZipBombGuard zipBombs, MessageSource messages, vn.baucu.voters.internal.VoterListStore store, vn.baucu.election.Elections elections,
               vn.baucu.election.Organisations organisations, vn.baucu.geography.AdminUnits units,
               vn.baucu.platform.Authorization authorization, vn.baucu.audit.AuditLog audit,
               vn.baucu.platform.Documents documents, java.time.Clock clock,
               org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transactions = transactions;
        this.zipBombs = zipBombs;
        this.messages = messages;
        this.store = store;
        this.elections = elections;
        this.organisations = organisations;
        this.units = units;
        this.authorization = authorization;
        this.audit = audit;
        this.documents = documents;
        this.clock = clock;
    }

    /** Where a list belongs: a polling area (NA/HĐND) or a village (village head); and the commune it is in. */
    public record Target(Long pollingAreaId, String villageCode) {
    }

    /**
     * The electorate of a polling area or a village as its list stands at the end of {@code day} (the election day):
     * entries not removed by then (Điều 29 khoản 4, Điều 33), less those who took a certificate to vote elsewhere
     * (Điều 34 khoản 3), and for a commune's own council less those listed for the NA and the province only; with the
     * households they make up (the village head rules count households, Luật 10/2022/QH15, Điều 20).
     *
     * @param communeCouncil whether the contest is a commune People's Council's
     */
    public record Electorate(long listId, long voters, long households, long removed, long certificatesOut) {
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Optional<Electorate> electorate(long electionId, Target target, LocalDate day, boolean communeCouncil) {
        return store.electorate(electionId, target.pollingAreaId(), target.villageCode(), day, communeCouncil)
                .map(r -> new Electorate(r[0], r[1], r[2], r[3], r[4]));
    }

    /**
     * Imports (confirms) a voter list: all or nothing. Every row is validated and streamed into the
     * database with COPY inside one transaction; any error — or a person already on another list of the
     * election, which the database itself refuses even when two communes import at once — rolls it all
     * back and returns the report as a 422. Importing the same file again changes nothing.
     */
    @org.springframework.transaction.annotation.Transactional
    public VoterListReport confirm(long electionId, Target target, String fileName, Supplier<InputStream> content,
                                   Locale locale) {
        return confirm(electionId, target, fileName, content, locale, n -> { });
    }

    /** As {@link #confirm(long, Target, String, Supplier, Locale)}, telling {@code progress} every 10,000 rows. */
    @org.springframework.transaction.annotation.Transactional
    public VoterListReport confirm(long electionId, Target target, String fileName, Supplier<InputStream> content,
                                   Locale locale, java.util.function.LongConsumer progress) {
        var election = elections.get(electionId);
        RuleSet ruleSet = RuleSet.valueOf(election.ruleSet());
        Place place = place(election, target);
        String sha = sha256(content);
        try {
            return store(election, ruleSet, target, place, fileName, sha, content, locale, progress);
        } catch (DomainException refused) {
            // nothing was stored (the import's transaction rolls back); the refusal itself is kept on record
            Map<String, Object> details = new HashMap<>();
            details.put("file", String.valueOf(fileName));
            details.put("sha256", sha);
            details.put("problem", refused.messageKey());
            details.put("violations", refused.violations().size());
            details.put("codes", refused.violations().stream().map(Violation::code).distinct().limit(20).toList());
            audit.recordOnItsOwn(authorization.currentUser().username(), "VOTER_LIST_IMPORT_REFUSED", "election",
                    String.valueOf(electionId), place.communeCode(), details);
            throw refused;
        }
    }

    private VoterListReport store(vn.baucu.election.ElectionView election, RuleSet ruleSet, Target target, Place place,
                                  String fileName, String sha, Supplier<InputStream> content, Locale locale,
                                  java.util.function.LongConsumer progress) {
        long electionId = election.id();
        String communeCode = place.communeCode();
        Integer recordedHouseholds = place.recordedHouseholds();
        var existing = store.find(electionId, target.pollingAreaId(), target.villageCode());
        if (existing.isPresent() && existing.get().sha256().equals(sha)) {
            return new VoterListReport(existing.get().entries(), existing.get().entries(), 0, 0,
                    new VoterListReport.Encoding("UNCHANGED", 0), existing.get().households(), List.of());
        }
        if (existing.isPresent()) {
            // a posted list is public and changes only entry by entry (Điều 33, 34); its file is never swapped
            if (existing.get().postedOn() != null) {
                throw DomainException.conflict("voter.reimport-posted", existing.get().postedOn().toString());
            }
            if (store.hasChanges(existing.get().id())) {
                throw DomainException.conflict("voter.reimport-changed");
            }
            store.delete(existing.get().id());
        }
        long listId = store.insertList(electionId, target.pollingAreaId(), target.villageCode(), communeCode, fileName, sha,
                authorization.currentUser().username(), clock.instant());
        VoterListReport report;
        try (var copy = store.copy(listId, electionId)) {
            long[] done = {0};
            report = validate(content, ruleSet, electionDay(election), locale, v -> {
                copy.add(v);
                if (++done[0] % 10_000 == 0) {
                    progress.accept(done[0]);
                }
            });
            if (report.rejected() > 0) {
                throw rejected(report);
            }
            copy.finish();
        } catch (vn.baucu.voters.internal.VoterListStore.OnAnotherList dup) {
            throw DomainException.violations(clashes(electionId, existing.map(l -> l.id()).orElse(null), content, ruleSet,
                    electionDay(election), locale, dup.personalId));
        }
        store.setCounts(listId, report.accepted(), report.households());
        List<VoterListReport.Issue> issues = new ArrayList<>(report.errors());
        long warnings = report.warnings();
        if (recordedHouseholds != null && recordedHouseholds != report.households()) {
            issues.add(0, new VoterListReport.Issue(1, "household_id", "HOUSEHOLDS_DIFFER",
                    messages.getMessage("voter.households-differ", new Object[] {report.households(), recordedHouseholds},
                            locale), "WARNING"));
            warnings++;
        }
        Map<String, Object> details = new HashMap<>(Map.of("file", String.valueOf(fileName), "sha256", sha,
                "entries", report.accepted()));
        existing.ifPresent(old -> {
            details.put("replacedList", old.id());
            details.put("replacedSha256", old.sha256());
            details.put("replacedEntries", old.entries());
        });
        audit.record(existing.isPresent() ? "VOTER_LIST_REPLACED" : "VOTER_LIST_IMPORTED", "voter_list",
                String.valueOf(listId), communeCode, details);
        return new VoterListReport(report.rows(), report.accepted(), report.rejected(), warnings, report.encoding(),
                report.households(), issues);
    }

    /** Where a list goes: its commune and, for a village, the households the commune recorded. */
    private record Place(String communeCode, Integer recordedHouseholds) {
    }

    /** The commune of a list's target, once the current user is known to administer it within the election's scope. */
    private Place place(vn.baucu.election.ElectionView election, Target target) {
        Place place;
        String guarded;   // the unit the guard checks: the village itself (a village-wide election contains it), or the area's commune
        if (target.pollingAreaId() != null) {
            var area = organisations.pollingArea(target.pollingAreaId())
                    .orElseThrow(() -> DomainException.notFound("body.polling-area-not-found", target.pollingAreaId()));
            place = new Place(area.communeCode(), null);
            guarded = area.communeCode();
        } else if (target.villageCode() != null) {
            var village = units.find(target.villageCode(), election.electionDay())
                    .filter(u -> u.level() == vn.baucu.geography.UnitLevel.VILLAGE)
                    .orElseThrow(() -> DomainException.notFound("unit.not-found", target.villageCode(), election.electionDay()));
            place = new Place(village.parentCode(), village.households());
            guarded = village.code();
        } else {
            throw DomainException.badRequest("voter.target-required");
        }
        authorization.require(vn.baucu.platform.Authorization.Access.ADMINISTER, guarded, election.electionDay(),
                election.scopeCode());
        return place;
    }

    /** Refuses (403) a user who may not import the list of this target; with no target, anyone who administers no units. */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public void requireImporter(long electionId, Target target) {
        var election = elections.get(electionId);
        if (target.pollingAreaId() == null && target.villageCode() == null) {
            if (!authorization.currentUser().role().administersUnits()) {
                throw DomainException.forbidden("problem.forbidden");
            }
            return;
        }
        place(election, target);
    }

    /** At most this many clashes are named one by one; the rest are counted. */
    static final int CLASHES_NAMED = 1_000;

    /**
     * Error path of a refused import: every person of the file who is already listed elsewhere in the
     * election, with their row and the list they are on. The import's own transaction is aborted, so
     * this reads in a new one, sending the file's ids in batches of 10,000 to the one-list index.
     */
    private List<Violation> clashes(long electionId, Long replacedList, Supplier<InputStream> content, RuleSet ruleSet,
                                    LocalDate electionDay, Locale locale, String firstFound) {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.setReadOnly(true);
        List<Violation> named = new ArrayList<>();
        Map<String, Boolean> readable = new HashMap<>();
        long[] total = {0};
        tx.executeWithoutResult(status -> {
            Map<String, Integer> batch = new HashMap<>();
            Runnable probe = () -> {
                for (var c : store.listedElsewhere(electionId, replacedList, batch.keySet().toArray(new String[0]))) {
                    if (++total[0] <= CLASHES_NAMED) {
                        // where the person is listed is told only to those who may read that commune
                        boolean visible = readable.computeIfAbsent(c.communeCode(), code -> units.find(code, electionDay)
                                .map(u -> authorization.allows(u.id(), vn.baucu.platform.Authorization.Access.READ))
                                .orElse(false));
                        named.add(visible
                                ? new Violation("PERSONAL_ID_IN_OTHER_LIST", "personal_id", batch.get(c.personalId()),
                                        "voter.id-other-list-where", List.of(c.personalId(), c.listedIn(), c.communeCode()))
                                : new Violation("PERSONAL_ID_IN_OTHER_LIST", "personal_id", batch.get(c.personalId()),
                                        "voter.id-other-list", List.of(c.personalId())));
                    }
                }
                batch.clear();
            };
            validate(content, ruleSet, electionDay, locale, v -> {
                if (v.personalId() != null) {
                    batch.putIfAbsent(v.personalId(), v.row());
                    if (batch.size() == 10_000) {
                        probe.run();
                    }
                }
            });
            probe.run();
        });
        named.sort(java.util.Comparator.comparing(v -> v.row() == null ? 0 : v.row()));
        if (named.isEmpty()) {
            // the other list was rolled back meanwhile: name the person the database named
            named.add(new Violation("PERSONAL_ID_IN_OTHER_LIST", "personal_id", null, "voter.id-other-list", List.of(firstFound)));
        } else if (total[0] > CLASHES_NAMED) {
            named.add(new Violation("PERSONAL_ID_IN_OTHER_LIST", "personal_id", null, "voter.other-list-more",
                    List.of(total[0] - CLASHES_NAMED)));
        }
        return named;
    }

    /**
     * Records that a list was posted publicly (niêm yết) on a date (Luật 85/2015/QH13, Điều 32); for a village
     * it completes the commune's VOTER_LIST_POSTED milestone. Audited; a state change, so never done by a GET.
     */
    @org.springframework.transaction.annotation.Transactional
    public void recordPosting(long listId, LocalDate postedOn) {
        var list = administered(listId).list();
        if (postedOn == null) {
            throw DomainException.violations(List.of(Violation.of("POSTED_ON_REQUIRED", "postedOn", "voter.posted-on-required")));
        }
        if (postedOn.isAfter(LocalDate.now(clock))) {
            throw DomainException.violations(List.of(Violation.of("POSTED_ON_FUTURE", "postedOn", "voter.posted-on-future",
                    postedOn.toString())));
        }
        if (postedOn.equals(list.postedOn())) {
            return;
        }
        store.markPosted(listId, postedOn);
        audit.record("VOTER_LIST_POSTED", "voter_list", String.valueOf(listId), list.communeCode(),
                Map.of("postedOn", postedOn.toString()));
        if (list.villageCode() != null && elections.progress(list.electionId(), list.communeCode()).stream()
                .anyMatch(m -> m.code().equals("VOTER_LIST_POSTED") && m.done() < m.total())) {
            elections.markDone(list.electionId(), "VOTER_LIST_POSTED", list.communeCode(), postedOn, null);
        }
    }

    /**
     * The list as posted publicly (niêm yết): national heading, numbered rows in Vietnamese alphabetical
     * order by given name then family name — never the personal id — and the recorded posting date. Each
     * export is audited with the PDF's SHA-256.
     */
    @org.springframework.transaction.annotation.Transactional
    public byte[] postingPdf(long listId) {
        var owned = administered(listId);
        var list = owned.list();
        var election = owned.election();
        var commune = owned.commune();
        List<vn.baucu.voters.internal.VoterListStore.Entry> entries = store.entries(listId).stream()
                .sorted(VietnameseNames.listOrder(vn.baucu.voters.internal.VoterListStore.Entry::fullName)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("election", election);
        model.put("area", list.villageCode() != null
                ? units.find(list.villageCode(), election.electionDay()).map(vn.baucu.geography.AdminUnit::name).orElse("")
                : organisations.pollingArea(list.pollingAreaId()).map(a -> a.name()).orElse(""));
        model.put("commune", commune.name());
        model.put("entries", entries);
        model.put("postedOn", list.postedOn());
        byte[] pdf = documents.pdf("voter-list", model);
        audit.record("VOTER_LIST_EXPORTED", "voter_list", String.valueOf(listId), list.communeCode(),
                Map.of("format", "PDF", "entries", entries.size(), "sha256", sha256(of(pdf))));
        return pdf;
    }

    /** A list with its election and commune, once the current user is known to administer that commune. */
    private record Administered(vn.baucu.voters.internal.VoterListStore.ListRow list, vn.baucu.election.ElectionView election,
                                vn.baucu.geography.AdminUnit commune) {
    }

    private Administered administered(long listId) {
        var list = store.find(listId).orElseThrow(() -> DomainException.notFound("voter.list-not-found", listId));
        var election = elections.get(list.electionId());
        var commune = units.find(list.communeCode(), election.electionDay()).orElseThrow();
        authorization.require(vn.baucu.platform.Authorization.Access.ADMINISTER, commune.id(), list.communeCode(),
                election.scopeCode());
        return new Administered(list, election, commune);
    }

    /** The clerk's error file: its bytes and whether it is a spreadsheet or CSV, like the uploaded file. */
    public record ErrorFile(byte[] body, boolean xlsx) {
    }

    /**
     * The clerk's error file in the uploaded file's format: the header and every row with a problem, with an added
     * "Lỗi" column holding that row's problems; rows without problems are left out. CSV comes back as UTF-8 with
     * BOM (so Excel shows Vietnamese), converted from any legacy encoding.
     */
    public ErrorFile errorFile(Supplier<InputStream> content, RuleSet ruleSet, LocalDate electionDay, Locale locale) {
        VoterListReport report = validate(content, ruleSet, electionDay, locale, v -> { });
        Map<Integer, List<String>> byRow = new HashMap<>();
        report.errors().forEach(i -> byRow.computeIfAbsent(i.row(), r -> new ArrayList<>()).add(i.code() + ": " + i.message()));
        String errorColumn = messages.getMessage("voter.error-column", null, "Lỗi", locale);
        if (isXlsx(content)) {
            return new ErrorFile(xlsxErrorFile(content, byRow, errorColumn), true);
        }
        var out = new java.io.StringWriter();
        out.write('\uFEFF');
        CsvText text = csvText(content);
        try (InputStream in = content.get(); Reader reader = new InputStreamReader(in, text.charset());
             var writer = de.siegmar.fastcsv.writer.CsvWriter.builder().build(out)) {
            boolean header = true;
            for (CsvRecord record : CsvReader.builder().fieldSeparator(text.separator()).ofCsvRecord(reader)) {
                List<String> fields = new ArrayList<>(record.getFields().stream()
                        .map(f -> vn.baucu.platform.CellText.neutral(LegacyVietnamese.convert(f, text.legacy()))).toList());
                if (header) {
                    fields.add(errorColumn);
                    writer.writeRecord(fields);
                    header = false;
                    continue;
                }
                List<String> problems = byRow.get((int) record.getStartingLineNumber());
                if (problems != null) {
                    fields.add(String.join("; ", problems));
                    writer.writeRecord(fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ErrorFile(out.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    private byte[] xlsxErrorFile(Supplier<InputStream> content, Map<Integer, List<String>> byRow, String errorColumn) {
        var legacy = xlsxLegacy(content);
        var out = new java.io.ByteArrayOutputStream();
        try (var wb = new org.dhatim.fastexcel.Workbook(out, "baucu", "1.0")) {
            var ws = wb.newWorksheet("Lỗi");
            int[] next = {0};
            boolean[] header = {true};
            readXlsxRows(content, (number, fields) -> {
                List<String> problems = byRow.get(number);
                if (!header[0] && problems == null) {
                    return true;
                }
                int r = next[0]++;
                for (int c = 0; c < fields.size(); c++) {
                    ws.value(r, c, vn.baucu.platform.CellText.neutral(LegacyVietnamese.convert(fields.get(c), legacy)));
                }
                ws.value(r, fields.size(), header[0] ? errorColumn : String.join("; ", problems));
                header[0] = false;
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Where a list of an election may be imported in a commune: a polling area (NA, HĐND) or a village. */
    public record TargetOption(String param, String value, String label) {
    }

    /**
     * The polling areas (NA, HĐND) or villages (village head, Party cell) of a commune the current user
     * administers, for the upload form; empty for a commune outside their scope. With no commune given, a
     * commune official's own commune is meant.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<TargetOption> targets(long electionId, String communeCode) {
        var election = elections.get(electionId);
        String code = communeCode == null || communeCode.isBlank() ? null : communeCode.strip();
        if (code == null) {
            var user = authorization.currentUser();
            code = user.isSystemAdmin() ? null : units.find(user.unitCode(), election.electionDay())
                    .filter(u -> u.level() == vn.baucu.geography.UnitLevel.COMMUNE).map(u -> u.code()).orElse(null);
        }
        var commune = code == null ? null : units.find(code, election.electionDay())
                .filter(u -> u.level() == vn.baucu.geography.UnitLevel.COMMUNE)
                .filter(u -> authorization.allows(u.id(), vn.baucu.platform.Authorization.Access.ADMINISTER)).orElse(null);
        if (commune == null) {
            return List.of();
        }
        if (election.kind().contestPerVillage()) {
            return units.list(vn.baucu.geography.UnitLevel.VILLAGE, commune.code(), election.electionDay()).stream()
                    .map(v -> new TargetOption("village", v.code(), v.name())).toList();
        }
        return organisations.pollingAreasOf(commune.code(), election.electionDay()).stream()
                .map(a -> new TargetOption("pollingArea", String.valueOf(a.id()), a.number() + " — " + a.name())).toList();
    }

    /**
     * Officials' search within their scope — a province's or district's communes, their commune, or their
     * village — by a name without diacritics, a household code, or (for those who administer lists) a personal
     * id; at most 100. Full ids and birth dates only for those who administer the list's commune; every search
     * is audited with what was asked and how many were found.
     */
    @org.springframework.transaction.annotation.Transactional
    public List<VoterHit> search(long electionId, String query) {
        var user = authorization.currentUser();
        var election = elections.get(electionId);
        if (query == null || query.strip().length() < 2) {
            return List.of();
        }
        boolean byId = user.role().administersUnits();
        List<vn.baucu.voters.internal.VoterListStore.Found> found;
        if (user.isSystemAdmin()) {
            found = store.search(electionId, query, null, null, byId, 100);
        } else {
            var unit = units.find(user.unitCode(), election.electionDay()).orElse(null);
            if (unit == null) {
                found = List.of();
            } else {
                found = switch (unit.level()) {
                    case COMMUNE -> store.search(electionId, query, new String[] {unit.code()}, null, byId, 100);
                    case VILLAGE -> store.search(electionId, query, new String[] {unit.parentCode()}, unit.code(), byId, 100);
                    default -> store.search(electionId, query, units.list(vn.baucu.geography.UnitLevel.COMMUNE, unit.code(),
                            election.electionDay()).stream().map(vn.baucu.geography.AdminUnit::code).toArray(String[]::new),
                            null, byId, 100);
                };
            }
        }
        Map<String, Boolean> administers = new HashMap<>();
        List<VoterHit> hits = found.stream().map(f -> VoterHit.of(f, administers.computeIfAbsent(f.communeCode(),
                c -> units.find(c, election.electionDay())
                        .map(u -> authorization.allows(u.id(), vn.baucu.platform.Authorization.Access.ADMINISTER))
                        .orElse(false)))).toList();
        String q = query.strip();
        audit.record("VOTER_SEARCHED", "election", String.valueOf(electionId), user.unitCode(),
                Map.of("query", q.matches("\\d{9,12}") ? "…" + q.substring(q.length() - 4) : q, "found", hits.size(),
                        "fullIds", hits.stream().filter(VoterHit::full).count()));
        return hits;
    }

    private static LocalDate electionDay(vn.baucu.election.ElectionView e) {
        return e.electionDay();
    }

    private static DomainException rejected(VoterListReport report) {
        return DomainException.violations(report.errors().stream().filter(i -> i.severity().equals("ERROR"))
                .limit(1000).map(i -> new Violation(i.code(), i.column(), i.row(), i.message(), List.of())).toList());
    }

    private static String sha256(Supplier<InputStream> content) {
        try (InputStream in = content.get()) {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Column keys of the contract and the headers accepted for each (compared without case, spaces or diacritics). */
    static final Map<String, List<String>> HEADERS = Map.of(
            "full_name", List.of("ho va ten", "ho ten", "full name"),
            "birth_date", List.of("ngay sinh", "ngay thang nam sinh", "birth date"),
            "sex", List.of("gioi tinh", "sex"),
            "personal_id", List.of("so dinh danh ca nhan", "so cccd", "personal id"),
            "ethnicity", List.of("dan toc", "ethnicity"),
            "residence", List.of("noi thuong tru", "noi cu tru", "dia chi", "residence"),
            "household_id", List.of("ma ho", "so ho", "household id"),
            "representative", List.of("dai dien ho", "chu ho dai dien", "representative"),
            "note", List.of("ghi chu", "note"));

    /** A row that passed every check, ready to be stored. */
    public record Voter(int row, String fullName, LocalDate birthDate, char sex, String personalId, String ethnicity,
                        String residence, String household, boolean representative) {
    }

    public VoterListReport validate(String fileName, Supplier<InputStream> content, RuleSet ruleSet, LocalDate electionDay,
                                    Locale locale) {
        return validate(content, ruleSet, electionDay, locale, v -> { });
    }

    /** Validates the file and hands every accepted row to {@code sink}, streaming (nothing is kept but ids). */
    public VoterListReport validate(Supplier<InputStream> content, RuleSet ruleSet, LocalDate electionDay, Locale locale,
                                    java.util.function.Consumer<Voter> sink) {
        if (ruleSet == null || electionDay == null) {
            throw DomainException.malformed(List.of(Violation.of("E-001", ruleSet == null ? "ruleSet" : "electionDay",
                    "evaluation.required", ruleSet == null ? "ruleSet" : "electionDay")));
        }
        byte[] head = peek(content, 8);
        if (head.length == 0) {
            throw DomainException.violations(List.of(Violation.of("F-101", "file", "file.empty")));
        }
        var check = new Checker(ruleSet, electionDay, locale, sink);
        if (isXlsx(content)) {
            zipBombs.check(content, vn.baucu.platform.ZipBombGuard.size(content));
            readXlsx(content, check);
        } else {
            readCsv(content, check);
        }
        return check.report();
    }

    private void readCsv(Supplier<InputStream> content, Checker check) {
        CsvText text = csvText(content);
        check.encoding = text.label();
        check.legacy = text.legacy();
        try (InputStream in = content.get(); Reader reader = new InputStreamReader(in, text.charset())) {
            var csv = CsvReader.builder().fieldSeparator(text.separator()).ofCsvRecord(reader);
            for (CsvRecord record : csv) {
                List<String> fields = record.getFields();
                if (fields.stream().anyMatch(f -> f.indexOf('\0') >= 0)) {
                    throw DomainException.violations(List.of(Violation.of("F-103", "file", "file.binary")));
                }
                check.row((int) record.getStartingLineNumber(), fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.violations(List.of(Violation.of("F-104", "file", "file.unreadable")));
        }
    }

    private void readXlsx(Supplier<InputStream> content, Checker check) {
        check.legacy = xlsxLegacy(content);
        check.encoding = check.legacy == LegacyVietnamese.Encoding.UNICODE ? "XLSX" : check.legacy.name();
        readXlsxRows(content, (number, fields) -> {
            check.row(number, fields);
            return true;
        });
    }

    /** The number of rows after the header, for a progress bar (a streaming pass; no checks). */
    public long dataRows(Supplier<InputStream> content) {
        if (isXlsx(content)) {
            zipBombs.check(content, vn.baucu.platform.ZipBombGuard.size(content));
            long[] rows = {0};
            readXlsxRows(content, (number, fields) -> {
                rows[0]++;
                return true;
            });
            return Math.max(0, rows[0] - 1);
        }
        try (InputStream in = content.get()) {
            long lines = 0;
            int last = '\n';
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                last = buf[n - 1];
            }
            return Math.max(0, lines + (last == '\n' ? 0 : 1) - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the first sheet's rows to {@code rows} while it returns true. */
    private static void readXlsxRows(Supplier<InputStream> content,
                                     java.util.function.BiPredicate<Integer, List<String>> rows) {
        try (InputStream in = content.get(); ReadableWorkbook wb = new ReadableWorkbook(in);
             var stream = wb.getFirstSheet().openStream()) {
            var iterator = stream.iterator();
            boolean more = true;
            while (more && iterator.hasNext()) {
                Row row = iterator.next();
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    var cell = row.getCell(i);
                    fields.add(cell == null ? "" : cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                            ? cell.asNumber().toPlainString() : String.valueOf(cell.getText()));
                }
                more = rows.test(row.getRowNum(), fields);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.violations(List.of(Violation.of("F-104", "file", "file.unreadable")));
        }
    }

    /** The per-row rules of the contract, applied as rows stream by; households are settled at the end. */
    private final class Checker {
        final RuleSet ruleSet;
        final LocalDate electionDay;
        final Locale locale;
        final boolean village;
        String encoding;
        LegacyVietnamese.Encoding legacy = LegacyVietnamese.Encoding.UNICODE;
        Map<String, Integer> columns;
        long rows;
        long rejected;
        long warnings;
        long converted;
        final List<VoterListReport.Issue> issues = new ArrayList<>();
        final VoterRows.Tally tally = new VoterRows.Tally();
        boolean rowRejected;
        /** Village lists: the rows already rejected, so that a household's row refused again at the end counts once. */
        final java.util.BitSet rejectedRows = new java.util.BitSet();
        final java.util.function.Consumer<Voter> sink;

        Checker(RuleSet ruleSet, LocalDate electionDay, Locale locale, java.util.function.Consumer<Voter> sink) {
            this.sink = sink;
            this.ruleSet = ruleSet;
            this.electionDay = electionDay;
            this.locale = locale;
            this.village = ruleSet.kind() == RuleSet.Kind.VILLAGE_HEAD;
        }

        void row(int number, List<String> raw) {
            List<String> fields = new ArrayList<>(raw.size());
            for (String f : raw) {
                String value = f == null ? "" : f;
                String nfc = LegacyVietnamese.convert(value, legacy);
                if (!nfc.equals(value) || legacy != LegacyVietnamese.Encoding.UNICODE && !isAscii(value)) {
                    converted++;
                }
                fields.add(nfc.strip());
            }
            if (columns == null) {
                header(fields);
                return;
            }
            if (fields.stream().allMatch(String::isEmpty)) {
                return;
            }
            rows++;
            rowRejected = false;
            // the law's checks of a row (rules.VoterRows); the importer reports them and keeps the file's tally
            var checked = VoterRows.check(new VoterRows.Raw(VietnameseNames.clean(get(fields, "full_name")),
                    get(fields, "birth_date"), get(fields, "sex"), VietnameseNames.searchKey(get(fields, "sex")),
                    get(fields, "personal_id"), get(fields, "ethnicity")), ruleSet.kind(), electionDay);
            checked.findings().forEach(f -> report(number, f));
            if (checked.idWellFormed()) {
                tally.personalId(checked.personalId()).ifPresent(f -> report(number, f));
            }
            boolean rep = VoterRows.representative(VietnameseNames.searchKey(get(fields, "representative")));
            if (village) {
                tally.household(get(fields, "household_id"), rep, number).ifPresent(f -> report(number, f));
            }
            if (rowRejected) {
                rejected++;
                if (village) {
                    rejectedRows.set(number);
                }
            } else {
                sink.accept(new Voter(number, checked.fullName(), checked.birth().date(), checked.sex(), checked.personalId(),
                        checked.ethnicity(), emptyToNull(get(fields, "residence")),
                        emptyToNull(get(fields, "household_id")), rep));
            }
        }

        void report(int row, vn.baucu.rules.Finding f) {
            if (f.warning()) {
                warn(row, f.field(), f.code(), f.messageKey(), f.args().toArray());
            } else {
                error(row, f.field(), f.code(), f.messageKey(), f.args().toArray());
            }
        }

        void header(List<String> fields) {
            Map<String, Integer> found = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                String key = VietnameseNames.searchKey(fields.get(i)).replaceAll("[^a-z0-9]+", " ").strip();
                for (var e : HEADERS.entrySet()) {
                    if (e.getValue().contains(key) || e.getKey().replace('_', ' ').equals(key)) {
                        found.putIfAbsent(e.getKey(), i);
                    }
                }
            }
            List<String> required = new ArrayList<>(List.of("full_name", "birth_date", "sex"));
            if (village) {
                required.addAll(List.of("household_id", "representative"));
            } else {
                required.add("personal_id");
            }
            List<Violation> missing = required.stream().filter(r -> !found.containsKey(r))
                    .map(r -> Violation.of("F-107", r, "voter.column-missing", r)).toList();
            if (!missing.isEmpty()) {
                throw DomainException.violations(missing);
            }
            columns = found;
        }

        String get(List<String> fields, String column) {
            Integer i = columns.get(column);
            return i == null || i >= fields.size() ? "" : fields.get(i);
        }

        void error(int row, String column, String code, String key, Object... args) {
            rowRejected = true;
            add(row, column, code, key, "ERROR", args);
        }

        void warn(int row, String column, String code, String key, Object... args) {
            warnings++;
            add(row, column, code, key, "WARNING", args);
        }

        void add(int row, String column, String code, String key, String severity, Object... args) {
            if (issues.size() < MAX_ERRORS_REPORTED) {
                issues.add(new VoterListReport.Issue(row, column, code, messages.getMessage(key, args, key, locale), severity));
            }
        }

        VoterListReport report() {
            if (columns == null) {
                throw DomainException.violations(List.of(Violation.of("F-101", "file", "file.empty")));
            }
            if (rows == 0) {
                throw DomainException.violations(List.of(Violation.of("F-106", "file", "file.no-rows")));
            }
            for (var missing : tally.householdsWithoutRepresentative()) {
                rowRejected = false;
                var f = missing.finding();
                add(missing.row(), f.field(), f.code(), f.messageKey(), "ERROR", f.args().toArray());
                if (!rejectedRows.get(missing.row())) {
                    rejectedRows.set(missing.row());
                    rejected++;
                }
            }
            issues.sort(java.util.Comparator.comparingInt(VoterListReport.Issue::row));
            return new VoterListReport(rows, rows - rejected, rejected, warnings,
                    new VoterListReport.Encoding(encoding, converted), tally.households(), List.copyOf(issues));
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    private static byte[] peek(Supplier<InputStream> content, int n) {
        try (InputStream in = content.get()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the whole stream is valid in the charset (read once, nothing kept). */
    private static boolean decodes(Supplier<InputStream> content, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = content.get(); Reader r = new InputStreamReader(in, decoder)) {
            char[] buf = new char[8192];
            while (r.read(buf) >= 0) {
                // reading is the check
            }
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int SAMPLE_CHARS = 256 * 1024;

    /** How a CSV file's text is read: the charset of its bytes, the reading of its letters, the field separator. */
    private record CsvText(Charset charset, LegacyVietnamese.Encoding legacy, String label, char separator) {
    }

    /**
     * UTF-8 when the whole file decodes as UTF-8, otherwise the bytes one to one (ISO-8859-1); then the legacy
     * reading (TCVN3, VNI, Windows-1258) that a sample of the file makes most sense in, and the separator its
     * first line uses.
     */
    private static CsvText csvText(Supplier<InputStream> content) {
        boolean utf8 = decodes(content, StandardCharsets.UTF_8);
        Charset charset = utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String sample;
        try (InputStream in = content.get()) {
            sample = new String(in.readNBytes(SAMPLE_CHARS), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var legacy = LegacyVietnamese.detect(sample, !utf8);
        String label = switch (legacy) {
            case UNICODE -> "UTF-8";
            case WINDOWS_1258 -> "WINDOWS-1258";
            default -> legacy.name();
        };
        return new CsvText(charset, legacy, label, separator(sample));
    }

    private static char separator(String sample) {
        String first = sample.lines().findFirst().orElse("");
        long commas = first.chars().filter(c -> c == ',').count();
        long semis = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        return tabs > commas && tabs > semis ? '\t' : semis > commas ? ';' : ',';
    }

    /** Whether the file is a zip container (xlsx), by its first four bytes. */
    private static boolean isXlsx(Supplier<InputStream> content) {
        byte[] head = peek(content, 4);
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The reading of a spreadsheet's text, decided on its first cells. */
    private static LegacyVietnamese.Encoding xlsxLegacy(Supplier<InputStream> content) {
        StringBuilder sample = new StringBuilder();
        readXlsxRows(content, (number, fields) -> {
            fields.forEach(f -> sample.append(f).append(' '));
            return sample.length() < SAMPLE_CHARS;
        });
        return LegacyVietnamese.detect(sample.toString(), false);
    }

    static Supplier<InputStream> of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }
}
