package vn.baucu.party.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.baucu.party.UnifiedPost;

/** The unified-post report as Excel: the figures per unit, then the shortfalls (the same figures as the JSON). */
@Component
class UnifiedPostWorkbook {

    private final MessageSource messages;

    UnifiedPostWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(UnifiedPost.Report report, Locale locale) {
        try (var out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "baucu", "1.0");
            Worksheet units = wb.newWorksheet(text("party.sheet.units", locale));
            String[] head = {"party.col.code", "party.col.name", "party.col.level", "party.col.villages",
                "party.col.congresses", "party.col.unified", "party.col.percent"};
            for (int i = 0; i < head.length; i++) {
                units.value(0, i, text(head[i], locale));
            }
            int r = 1;
            units.value(r, 0, safe(report.scope()));
            units.value(r, 1, text("party.scope", locale));
            units.value(r, 3, report.villages());
            units.value(r, 4, report.congressesHeld());
            units.value(r, 5, report.secretariesAreHeads());
            units.value(r, 6, report.percent());
            for (UnifiedPost.UnitLine l : report.units()) {
                r++;
                units.value(r, 0, safe(l.code()));
                units.value(r, 1, safe(l.name()));
                units.value(r, 2, l.level());
                units.value(r, 3, l.villages());
                units.value(r, 4, l.congressesHeld());
                units.value(r, 5, l.secretariesAreHeads());
                units.value(r, 6, l.percent());
            }
            Worksheet gaps = wb.newWorksheet(text("party.sheet.shortfalls", locale));
            String[] gapHead = {"party.col.village", "party.col.name", "party.col.commune", "party.col.reason"};
            for (int i = 0; i < gapHead.length; i++) {
                gaps.value(0, i, text(gapHead[i], locale));
            }
            r = 0;
            for (UnifiedPost.Shortfall s : report.shortfalls()) {
                r++;
                gaps.value(r, 0, safe(s.village()));
                gaps.value(r, 1, safe(s.name()));
                gaps.value(r, 2, safe(s.commune()));
                gaps.value(r, 3, text("party.reason." + s.reason(), locale));
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String safe(String value) {
        return vn.baucu.platform.CellText.neutral(value);
    }
}
