package vn.baucu.counting.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.Candidates;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.EntryReceipt;
import vn.baucu.counting.MinutesEntry;
import vn.baucu.election.ContestRef;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.election.Organisations;
import vn.baucu.election.PollingArea;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.Violation;
import vn.baucu.platform.ZipBombGuard;

/**
 * The commune's Excel workbook of counting minutes: one sheet per contest voted in the commune, one row per polling
 * area (or the village), the ballot's names as columns, pre-filled with the places and names. Filled in and sent
 * back, every row goes through the same checks as an entry, the whole file is refused with every problem by sheet
 * and row if any row fails (nothing is stored), and otherwise each row is a first (or second) entry by the sender —
 * a second entry by someone else is still needed. The same file sent again changes nothing.
 */
@Service
class MinutesWorkbook {

    static final int FIRST_FIGURE = 2;
    static final String[] FIGURES = {"electorate", "participants", "ballotsIssued", "ballotsReturned", "validBallots",
        "invalidBallots", "complaintsReceived", "complaintsSettled", "complaintsForwarded"};
    private static final Pattern CANDIDATE = Pattern.compile(".*\\[#(\\d+)]\\s*$");

    private final CountingMinutes minutes;
    private final Elections elections;
    private final Organisations organisations;
    private final Candidates candidates;
    private final Authorization authorization;
    private final org.springframework.context.MessageSource messages;

    MinutesWorkbook(CountingMinutes minutes, Elections elections, Organisations organisations, Candidates candidates,
                    Authorization authorization, org.springframework.context.MessageSource messages) {
        this.minutes = minutes;
        this.elections = elections;
        this.organisations = organisations;
        this.candidates = candidates;
        this.authorization = authorization;
        this.messages = messages;
    }

    record Place(String key, Long area, String name) {
    }

    private List<Place> places(ElectionView election, ContestRef contest, String communeCode) {
        if (contest.village()) {
            return List.of(new Place(contest.placeCode(), null, contest.placeName()));
        }
        List<Place> out = new ArrayList<>();
        for (PollingArea a : organisations.pollingAreasOf(communeCode, election.electionDay())) {
            if (elections.votesIn(a.id(), contest)) {
                out.add(new Place("pa-" + a.id(), a.id(), a.number() + ". " + a.name()));
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public byte[] template(long electionId, String communeCode, java.util.Locale locale) {
        ElectionView election = elections.get(electionId);
        authorization.require(Access.READ, communeCode, election.electionDay(), null);
        var out = new ByteArrayOutputStream();
        try (var wb = new Workbook(out, "baucu", "1.0")) {
            for (ContestRef contest : elections.contestsOfCommune(electionId, communeCode)) {
                Worksheet ws = wb.newWorksheet(contest.placeCode());
                ws.value(0, 0, vn.baucu.platform.CellText.neutral(contest.placeName() + " — " + election.name()));
                List<String> head = new ArrayList<>(List.of(label("counting.xlsx.place", locale), label("counting.xlsx.name", locale)));
                for (String f : FIGURES) {
                    head.add(label("counting.field." + f, locale));
                }
                List<CandidateView> ballot = candidates.ballot(electionId, contest.placeCode());
                for (int i = 0; i < ballot.size(); i++) {
                    CandidateView c = ballot.get(i);
                    head.add((i + 1) + ". " + c.fullName() + (c.struckAfterPrinting() ? " (" + label("doc.minutes.not-counted", locale) + ")" : "")
                            + " [#" + c.id() + "]");
                }
                head.add(label("counting.xlsx.explanations", locale));
                for (int c = 0; c < head.size(); c++) {
                    ws.value(1, c, vn.baucu.platform.CellText.neutral(head.get(c)));
                    ws.style(1, c).bold().wrapText(true).set();
                }
                int r = 2;
                for (Place p : places(election, contest, communeCode)) {
                    ws.value(r, 0, p.key());
                    ws.value(r, 1, vn.baucu.platform.CellText.neutral(p.name()));
                    r++;
                }
                ws.width(1, 28);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String label(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** One filled row of a sheet. */
    record Filled(String sheet, int row, String contest, MinutesEntry entry) {
    }

    @Transactional
    public List<EntryReceipt> importEntries(long electionId, String communeCode, String fileName, byte[] content) {
        ElectionView election = elections.get(electionId);
        authorization.require(Access.READ, communeCode, election.electionDay(), null);
        ZipBombGuard.checkSmallTable(content);
        List<Filled> filled = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        Map<String, ContestRef> contests = new LinkedHashMap<>();
        elections.contestsOfCommune(electionId, communeCode).forEach(c -> contests.put(c.placeCode(), c));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                ContestRef contest = contests.get(sheet.getName());
                if (contest == null) {
                    problems.add(Violation.of("M-124", sheet.getName(), "counting.xlsx.unknown-sheet", sheet.getName()));
                    continue;
                }
                List<Row> rows = sheet.read();
                if (rows.size() < 2) {
                    continue;
                }
                Row head = rows.get(1);
                Map<Integer, String> candidateColumns = new LinkedHashMap<>();
                int explanations = -1;
                for (int c = FIRST_FIGURE + FIGURES.length; c < head.getCellCount(); c++) {
                    String text = head.getCellText(c);
                    Matcher m = CANDIDATE.matcher(text == null ? "" : text);
                    if (m.matches()) {
                        candidateColumns.put(c, m.group(1));
                    } else if (text != null && !text.isBlank()) {
                        explanations = c;
                    }
                }
                for (Row row : rows.subList(2, rows.size())) {
                    String key = cell(row, 0);
                    boolean any = false;
                    for (int c = FIRST_FIGURE; c < row.getCellCount(); c++) {
                        any |= !cell(row, c).isBlank() && c != explanations;
                    }
                    if (key.isBlank() || !any) {
                        continue;   // a place not filled in (yet)
                    }
                    List<Violation> rowProblems = new ArrayList<>();
                    Long[] figures = new Long[FIGURES.length];
                    for (int i = 0; i < FIGURES.length; i++) {
                        figures[i] = number(row, FIRST_FIGURE + i, FIGURES[i], rowProblems);
                    }
                    List<MinutesEntry.CandidateVotes> votes = new ArrayList<>();
                    candidateColumns.forEach((c, id) -> votes.add(new MinutesEntry.CandidateVotes(id,
                            number(row, c, "candidates[" + id + "].votes", rowProblems))));
                    List<MinutesEntry.Explanation> explained = new ArrayList<>();
                    if (explanations >= 0) {
                        for (String part : cell(row, explanations).split(";")) {
                            String[] kv = part.split(":", 2);
                            if (kv.length == 2 && !kv[1].isBlank()) {
                                explained.add(new MinutesEntry.Explanation(kv[0].strip(), kv[1].strip()));
                            }
                        }
                    }
                    Long area = key.startsWith("pa-") && key.substring(3).matches("\\d{1,18}") ? Long.valueOf(key.substring(3)) : null;
                    MinutesEntry entry = new MinutesEntry(area, "SECRET_BALLOT", figures[0], figures[1], figures[2], figures[3],
                            figures[4], figures[5], votes, new MinutesEntry.Complaints(figures[6], figures[7], figures[8]),
                            explained, null, null);
                    if (rowProblems.isEmpty()) {
                        rowProblems.addAll(minutes.problems(electionId, contest.placeCode(), entry));
                    }
                    for (Violation v : rowProblems) {
                        problems.add(new Violation(v.code(), sheet.getName() + "!" + v.field(), row.getRowNum(), v.messageKey(),
                                v.args()));
                    }
                    filled.add(new Filled(sheet.getName(), row.getRowNum(), contest.placeCode(), entry));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.malformed(List.of(Violation.of("F-104", "file", "file.unreadable")));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        if (filled.isEmpty()) {
            throw DomainException.violations(List.of(Violation.of("F-106", "file", "file.no-rows")));
        }
        String sha = Inputs.sha256(content);
        List<EntryReceipt> receipts = new ArrayList<>();
        for (Filled f : filled) {
            // the same file sent again replays each row's first answer and stores nothing new
            UUID key = UUID.nameUUIDFromBytes((sha + "|" + f.sheet() + "|" + f.row()).getBytes(StandardCharsets.UTF_8));
            receipts.add(minutes.enter(electionId, f.contest(), f.entry(), key, "EXCEL").body());
        }
        return receipts;
    }

    private static String cell(Row row, int c) {
        if (c >= row.getCellCount()) {
            return "";
        }
        String text = row.getCellText(c);
        return text == null ? "" : text.strip();
    }

    private static Long number(Row row, int c, String field, List<Violation> problems) {
        String text = cell(row, c);
        if (text.isEmpty()) {
            return null;
        }
        String digits = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        if (!digits.matches("\\d{1,12}")) {
            problems.add(Violation.atRow(row.getRowNum(), "P-405", field, "cand.page.number-invalid", text));
            return null;
        }
        return Long.valueOf(digits);
    }
}
