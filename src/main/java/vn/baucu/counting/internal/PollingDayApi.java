package vn.baucu.counting.internal;

import java.time.LocalTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.counting.PollingDay;
import vn.baucu.counting.PollingDay.PlaceDayView;
import vn.baucu.platform.Idempotency;

/**
 * Polling day of each polling place ({@code {place}}: a village's code, or {@code pa-<id>} for a polling area). Every
 * submission carries an {@code Idempotency-Key}; each answers with what the server now holds of the place's day.
 */
@RestController
@Tag(name = "Polling day", description = "Opening, turnout at the reporting times, incidents, closing; roll-ups")
class PollingDayApi {

    private static final String PLACE = "/api/v1/elections/{id}/polling-day/{place}";

    private final PollingDay pollingDay;

    PollingDayApi(PollingDay pollingDay) {
        this.pollingDay = pollingDay;
    }

    private static ResponseEntity<PlaceDayView> answer(Idempotency.Outcome<PlaceDayView> o) {
        return ResponseEntity.status(o.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(o.body());
    }

    @GetMapping("/api/v1/elections/{id}/reporting-times")
    @Operation(summary = "The times at which every team reports turnout (default 9:00, 11:00, 14:00, 16:00, 19:00)")
    List<LocalTime> times(@PathVariable("id") long id) {
        return pollingDay.reportingTimes(id);
    }

    @PutMapping("/api/v1/elections/{id}/reporting-times")
    @Operation(summary = "Sets the reporting times (the election's administrators)")
    List<LocalTime> setTimes(@PathVariable("id") long id, @RequestBody List<LocalTime> times) {
        return pollingDay.setReportingTimes(id, times);
    }

    @GetMapping(PLACE)
    @Operation(summary = "What the server holds of a place's polling day")
    PlaceDayView get(@PathVariable("id") long id, @PathVariable("place") String place) {
        return pollingDay.get(id, place);
    }

    @PostMapping(PLACE + "/opening")
    @Operation(summary = "Opening: time, who, the empty ballot box shown (Điều 71)")
    ResponseEntity<PlaceDayView> open(@PathVariable("id") long id, @PathVariable("place") String place,
                                      @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                      @RequestBody PollingDay.Opening body) {
        return answer(pollingDay.open(id, place, body, Idempotency.key(key)));
    }

    @PostMapping(PLACE + "/turnout")
    @Operation(summary = "How many have voted at a reporting time")
    ResponseEntity<PlaceDayView> turnout(@PathVariable("id") long id, @PathVariable("place") String place,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                         @RequestBody PollingDay.TurnoutReport body) {
        return answer(pollingDay.report(id, place, body, Idempotency.key(key)));
    }

    @PostMapping(PLACE + "/events")
    @Operation(summary = "An incident, an interruption (sealed and resumed, Điều 71) or a mobile ballot box (Điều 69)")
    ResponseEntity<PlaceDayView> event(@PathVariable("id") long id, @PathVariable("place") String place,
                                       @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                       @RequestBody PollingDay.NewEvent body) {
        return answer(pollingDay.recordEvent(id, place, body, Idempotency.key(key)));
    }

    @PostMapping(PLACE + "/meeting")
    @Operation(summary = "A village meeting: households present, households with no representative, the voting method chosen")
    ResponseEntity<PlaceDayView> meeting(@PathVariable("id") long id, @PathVariable("place") String place,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                         @RequestBody PollingDay.Meeting body) {
        return answer(pollingDay.recordMeeting(id, place, body, Idempotency.key(key)));
    }

    @PostMapping(PLACE + "/closing")
    @Operation(summary = "Closing the vote (not before 19:00 without a decision, not after 21:00)")
    ResponseEntity<PlaceDayView> close(@PathVariable("id") long id, @PathVariable("place") String place,
                                       @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                       @RequestBody PollingDay.Closing body) {
        return answer(pollingDay.close(id, place, body, Idempotency.key(key)));
    }

    @GetMapping("/api/v1/public/elections/{id}/turnout")
    @Operation(summary = "Public: turnout as the teams report it during polling day, for the scope (default the election's)"
            + " and each unit under it; counts only; 404 for a rehearsal or an election not yet frozen")
    org.springframework.http.ResponseEntity<PollingDay.Turnout> publicTurnout(@PathVariable("id") long id,
            @org.springframework.web.bind.annotation.RequestParam(name = "unit", required = false) String unit) {
        return org.springframework.http.ResponseEntity.ok()
                .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofSeconds(30)).cachePublic())
                .body(pollingDay.publicTurnout(id, unit));
    }

    @GetMapping("/api/v1/elections/{id}/turnout")
    @Operation(summary = "Turnout of a unit (default: the election's scope) and of each unit under it, with the day's curve")
    PollingDay.Turnout rollUp(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit) {
        return pollingDay.turnout(id, unit);
    }

    @GetMapping("/api/v1/elections/{id}/turnout/missed")
    @Operation(summary = "The places of a commune that missed a reporting time already past")
    List<PollingDay.Missed> missed(@PathVariable("id") long id, @RequestParam("commune") String commune) {
        return pollingDay.missed(id, commune);
    }
}
