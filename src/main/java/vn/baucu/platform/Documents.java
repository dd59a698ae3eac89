package vn.baucu.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;

/**
 * Official documents as PDF: a Thymeleaf template under {@code templates/documents/} rendered to A4 with
 * the bundled Liberation Serif fonts (Times-compatible metrics, full Vietnamese glyphs), so the output
 * does not depend on the fonts of the machine. Text is NFC throughout (NFD marks misplace in PDF).
 * Documents are in Vietnamese, the language of administrative documents.
 */
@Service
public class Documents {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String FAMILY = "Liberation Serif";

    private final ITemplateEngine templates;

    Documents(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] pdf(String template, Map<String, Object> model) {
        String html = templates.process("documents/" + template, new Context(VIETNAMESE, model));
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            font(builder, "Regular", 400, FontStyle.NORMAL);
            font(builder, "Bold", 700, FontStyle.NORMAL);
            font(builder, "Italic", 400, FontStyle.ITALIC);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, String face, int weight, FontStyle style) {
        builder.useFont(() -> Documents.class.getResourceAsStream("/fonts/LiberationSerif-" + face + ".ttf"), FAMILY,
                weight, style, true);
    }
}
