package vn.baucu.dashboard.internal;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.dashboard.Dashboards;

/**
 * The dashboard as data: its JSON (the same figures as the page), its tables as one Excel workbook, and the live
 * stream of changes (server-sent events) the page listens to.
 */
@RestController
@Tag(name = "Dashboards")
class DashboardApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Dashboards dashboards;
    private final DashboardWorkbook workbook;
    private final LiveStreams streams;

    DashboardApi(Dashboards dashboards, DashboardWorkbook workbook, LiveStreams streams) {
        this.dashboards = dashboards;
        this.workbook = workbook;
        this.streams = streams;
    }

    @GetMapping("/api/v1/elections/{id}/dashboard")
    @Operation(summary = "An election's dashboard for a unit: calendar, turnout, minutes, outcomes and what needs attention, "
            + "for the unit and each unit (or place) under it")
    Dashboards.Dashboard dashboard(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit) {
        return dashboards.view(id, unit);
    }

    @GetMapping("/api/v1/elections/{id}/dashboard.xlsx")
    @Operation(summary = "Every table of the dashboard as one Excel workbook (a sheet per table)")
    ResponseEntity<byte[]> workbook(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit, Locale locale) {
        Dashboards.Dashboard d = dashboards.view(id, unit);
        String name = "bang-theo-doi-" + id + (d.unit().code() == null ? "" : "-" + d.unit().code()) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(workbook.write(d, locale));
    }

    @GetMapping(value = "/api/v1/elections/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: a 'change' event whenever the election's polling day, minutes or results "
            + "change (on any application node); the dashboard then reloads its figures")
    SseEmitter live(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit) throws IOException {
        dashboards.watch(id, unit);
        return streams.open(id);
    }
}
