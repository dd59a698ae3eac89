package vn.baucu.dashboard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.baucu.dashboard.Dashboards;
import vn.baucu.platform.CellText;

/**
 * Every table of a dashboard as one workbook, a sheet per table, with the same figures as the page: the units (or
 * places) with their minutes, turnout, outcomes and calendar; turnout over the day; the contests of electoral units;
 * the milestones; and what needs attention. Text cells are neutralised ({@link CellText}).
 */
@Component
class DashboardWorkbook {

    private final MessageSource messages;

    DashboardWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(Dashboards.Dashboard d, Locale locale) {
        try (var out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "baucu", "1.0");
            Worksheet units = wb.newWorksheet(text("dashboard.sheet.units", locale));
            header(units, locale, "dashboard.col.code", "dashboard.col.name", "dashboard.col.expected",
                    "dashboard.col.not-started", "counting.status.OPEN", "counting.status.ENTERED",
                    "counting.status.DIFFERENT", "counting.status.VERIFIED", "counting.status.CERTIFIED",
                    "dashboard.col.places", "dashboard.col.reported", "dashboard.col.electorate", "dashboard.col.voted",
                    "dashboard.col.turnout", "dashboard.col.contests", "dashboard.col.contests-certified",
                    "dashboard.col.seats", "dashboard.col.elected", "dashboard.col.follow-ups",
                    "dashboard.col.pending-recognition", "dashboard.col.milestones", "dashboard.col.milestones-done",
                    "dashboard.col.milestones-overdue");
            int r = 0;
            for (Dashboards.Line l : d.lines()) {
                line(units, ++r, l.code(), l.name(), l);
            }
            line(units, ++r, d.total().code(), text("dashboard.total", locale), d.total());

            Worksheet curve = wb.newWorksheet(text("dashboard.sheet.curve", locale));
            header(curve, locale, "polling.page.slot", "dashboard.col.voted", "dashboard.col.turnout");
            r = 0;
            for (Dashboards.Point p : d.turnoutCurve()) {
                r++;
                curve.value(r, 0, p.slot().toString());
                curve.value(r, 1, p.voted());
                curve.value(r, 2, p.percent());
            }

            if (!d.contests().isEmpty()) {
                Worksheet contests = wb.newWorksheet(text("dashboard.sheet.contests", locale));
                header(contests, locale, "dashboard.col.code", "dashboard.col.name", "dashboard.col.seats",
                        "dashboard.col.expected", "counting.status.CERTIFIED", "dashboard.col.status",
                        "dashboard.col.elected", "dashboard.col.follow-up");
                r = 0;
                for (Dashboards.ContestLine c : d.contests()) {
                    r++;
                    contests.value(r, 0, CellText.neutral(c.place()));
                    contests.value(r, 1, CellText.neutral(c.name()));
                    contests.value(r, 2, c.seats());
                    contests.value(r, 3, c.minutes().expected());
                    contests.value(r, 4, c.minutes().certified());
                    contests.value(r, 5, text("results.status." + c.status(), locale));
                    contests.value(r, 6, c.elected());
                    contests.value(r, 7, c.followUp() == null ? "" : text("dashboard.follow-up." + c.followUp(), locale));
                }
            }

            if (!d.composition().isEmpty()) {
                Worksheet composition = wb.newWorksheet(text("dashboard.sheet.composition", locale));
                header(composition, locale, "stats.col.item", "stats.col.count", "stats.col.of", "stats.col.percent",
                        "dashboard.col.plan", "dashboard.col.against-plan");
                r = 0;
                for (Dashboards.CompositionLine c : d.composition()) {
                    r++;
                    composition.value(r, 0, text("stats." + c.item(), locale));
                    composition.value(r, 1, c.count());
                    composition.value(r, 2, c.of());
                    composition.value(r, 3, c.percent());
                    composition.value(r, 4, c.plan() == null ? "" : c.plan().toPlainString());
                    composition.value(r, 5, c.plan() == null ? "" : text(c.belowPlan() ? "dashboard.below-plan"
                            : "dashboard.meets-plan", locale));
                }
            }

            Worksheet calendar = wb.newWorksheet(text("dashboard.sheet.calendar", locale));
            header(calendar, locale, "elections.milestone", "elections.due", "dashboard.col.milestones",
                    "elections.done", "elections.late", "elections.overdue");
            r = 0;
            for (var m : d.calendar()) {
                r++;
                calendar.value(r, 0, CellText.neutral(m.title() != null ? m.title() : text("milestone." + m.code(), locale)));
                calendar.value(r, 1, m.dueDate().toString());
                calendar.value(r, 2, m.total());
                calendar.value(r, 3, m.done());
                calendar.value(r, 4, m.doneLate());
                calendar.value(r, 5, m.overdue());
            }

            Worksheet attention = wb.newWorksheet(text("dashboard.sheet.attention", locale));
            header(attention, locale, "dashboard.col.kind", "dashboard.col.code", "dashboard.col.name", "dashboard.col.detail");
            r = 0;
            for (Dashboards.Attention a : d.attention()) {
                r++;
                attention.value(r, 0, text("dashboard.attention." + a.kind(), locale));
                attention.value(r, 1, CellText.neutral(a.place()));
                attention.value(r, 2, CellText.neutral(a.name()));
                attention.value(r, 3, CellText.neutral(a.detail()));
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header(Worksheet sheet, Locale locale, String... keys) {
        for (int i = 0; i < keys.length; i++) {
            sheet.value(0, i, text(keys[i], locale));
        }
    }

    private static void line(Worksheet s, int r, String code, String name, Dashboards.Line l) {
        s.value(r, 0, CellText.neutral(code));
        s.value(r, 1, CellText.neutral(name));
        Dashboards.Minutes m = l.minutes();
        List<Integer> minutes = List.of(m.expected(), m.notStarted(), m.open(), m.entered(), m.different(), m.verified(),
                m.certified());
        for (int i = 0; i < minutes.size(); i++) {
            s.value(r, 2 + i, minutes.get(i));
        }
        Dashboards.Turnout t = l.turnout();
        s.value(r, 9, t.places());
        s.value(r, 10, t.reported());
        s.value(r, 11, t.electorate());
        s.value(r, 12, t.voted());
        s.value(r, 13, t.percent());
        Dashboards.Outcomes o = l.outcomes();
        s.value(r, 14, o.contests());
        s.value(r, 15, o.certified());
        s.value(r, 16, o.seats());
        s.value(r, 17, o.elected());
        s.value(r, 18, o.followUps());
        s.value(r, 19, o.pendingRecognition());
        Dashboards.Calendar c = l.calendar();
        s.value(r, 20, c.total());
        s.value(r, 21, c.done());
        s.value(r, 22, c.overdue());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
