package vn.baucu.results.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.platform.Documents;

/** The election committee's summary (Điều 83, 85) and the national summary (Điều 84), as JSON and as the official PDF. */
@RestController
@Tag(name = "Results", description = "Summaries above the electoral units, each checked against the level below")
class SummariesApi {

    private final ResultSummaries summaries;
    private final Documents documents;

    SummariesApi(ResultSummaries summaries, Documents documents) {
        this.summaries = summaries;
        this.documents = documents;
    }

    @GetMapping("/api/v1/elections/{id}/summaries/committee")
    @Operation(summary = "The election committee's summary of its electoral units (NA: a province, Điều 83; HĐND: Điều 85)")
    Map<String, Object> committee(@PathVariable("id") long id, @RequestParam("unit") String unit) {
        return summaries.committee(id, unit);
    }

    @GetMapping("/api/v1/elections/{id}/summaries/committee.pdf")
    ResponseEntity<byte[]> committeePdf(@PathVariable("id") long id, @RequestParam("unit") String unit) {
        return pdf(summaries.committee(id, unit), "tong-hop-" + unit + ".pdf");
    }

    @GetMapping("/api/v1/elections/{id}/summaries/national")
    @Operation(summary = "The National Election Council's summary of the provinces (NA, Điều 84)")
    Map<String, Object> national(@PathVariable("id") long id) {
        return summaries.national(id);
    }

    @GetMapping("/api/v1/elections/{id}/summaries/national.pdf")
    ResponseEntity<byte[]> nationalPdf(@PathVariable("id") long id) {
        return pdf(summaries.national(id), "tong-hop-toan-quoc.pdf");
    }

    private static Object printedDates(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), printedDates(v)));
            return out;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(SummariesApi::printedDates).toList();
        }
        if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return java.time.LocalDate.parse(text).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        }
        return value;
    }

    private ResponseEntity<byte[]> pdf(Map<String, Object> summary, String name) {
        // the paper gives dates as Vietnamese documents do (dd/MM/yyyy); the JSON keeps ISO dates
        @SuppressWarnings("unchecked")
        Map<String, Object> printed = (Map<String, Object>) printedDates(summary);
        Map<String, Object> model = new LinkedHashMap<>(printed);
        model.put("s", printed);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .body(documents.pdf("result-summary", model));
    }
}
