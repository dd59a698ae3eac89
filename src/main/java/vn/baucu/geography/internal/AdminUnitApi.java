package vn.baucu.geography.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.NewVillage;
import vn.baucu.geography.UnitLevel;
import vn.baucu.geography.VillageKind;
import vn.baucu.geography.Villages;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Violation;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Administrative units", description = "Provinces, districts, communes and villages as of a date")
class AdminUnitApi {

    private final AdminUnits units;
    private final Villages villages;

    AdminUnitApi(AdminUnits units, Villages villages) {
        this.units = units;
        this.villages = villages;
    }

    @GetMapping("/admin-units")
    @Operation(summary = "Units of a level below a parent, as of a date (default today)")
    List<AdminUnitView> list(@RequestParam(name = "level", required = false) UnitLevel level,
                             @RequestParam(name = "parent", required = false) String parent,
                             @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return units.list(level, parent, day(asOf)).stream().map(AdminUnitView::of).toList();
    }

    @GetMapping("/admin-units/{code}")
    @Operation(summary = "One unit as of a date, with the units merged into it and those it went into")
    org.springframework.http.ResponseEntity<AdminUnitView> get(@PathVariable("code") String code,
                      @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        AdminUnit unit = units.get(code, day(asOf));
        // the version as ETag: a village's amendment sends it back as If-Match
        return org.springframework.http.ResponseEntity.ok().eTag(vn.baucu.platform.Versions.etag(unit.version()))
                .body(AdminUnitView.of(unit, units.predecessors(unit), units.successors(unit)));
    }

    @GetMapping("/admin-units/{code}/history")
    @Operation(summary = "Every version of a unit code, oldest first")
    List<AdminUnitView> history(@PathVariable("code") String code) {
        return units.history(code).stream().map(AdminUnitView::of).toList();
    }

    @GetMapping("/admin-units/search")
    @Operation(summary = "Search units by name, with or without diacritics")
    List<AdminUnitView> search(@RequestParam("q") String q,
                               @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(name = "limit", defaultValue = "20") int limit) {
        return units.search(q, day(asOf), limit).stream().filter(units::canRead).map(AdminUnitView::of).toList();
    }

    /** A village to create or the new state of one. */
    record VillageRequest(String name, String kind, Integer households, LocalDate effective, String decisionRef) {
        NewVillage toNewVillage(String prefix) {
            VillageKind k = VillageKind.parse(kind).orElseThrow(() -> DomainException.violations(List.of(
                    Violation.of("G-203", prefix + "kind", "village.kind-unknown", String.valueOf(kind)))));
            if (households == null) {
                throw DomainException.violations(List.of(
                        Violation.of("G-204", prefix + "households", "village.households-invalid", "", 100_000)));
            }
            return new NewVillage(name, k, households);
        }
    }

    record MergeRequest(List<String> villageCodes, VillageRequest into, LocalDate effective, String decisionRef) {
    }

    record SplitRequest(List<VillageRequest> parts, LocalDate effective, String decisionRef) {
    }

    @PostMapping("/admin-units/{communeCode}/villages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a village or residential group in a commune")
    AdminUnitView create(@PathVariable("communeCode") String communeCode, @RequestBody VillageRequest request) {
        LocalDate effective = day(request.effective());
        return AdminUnitView.of(villages.create(communeCode, request.toNewVillage(""), effective, request.decisionRef()));
    }

    @PostMapping("/villages/{code}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rename a village or change its kind or household count from a date on")
    org.springframework.http.ResponseEntity<AdminUnitView> amend(@PathVariable("code") String code,
            @RequestBody VillageRequest request,
            @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false) String ifMatch) {
        AdminUnit amended = villages.amend(code, request.toNewVillage(""), day(request.effective()), request.decisionRef(),
                vn.baucu.platform.Versions.ifMatch(ifMatch));
        return org.springframework.http.ResponseEntity.status(HttpStatus.CREATED)
                .eTag(vn.baucu.platform.Versions.etag(amended.version())).body(AdminUnitView.of(amended));
    }

    @PostMapping("/villages/merges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Merge villages of one commune into a new one")
    AdminUnitView merge(@RequestBody MergeRequest request) {
        if (request.villageCodes() == null || request.into() == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return AdminUnitView.of(villages.merge(request.villageCodes(), request.into().toNewVillage("into."),
                day(request.effective()), request.decisionRef()));
    }

    @PostMapping("/villages/{code}/splits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Split a village into two or more new ones")
    List<AdminUnitView> split(@PathVariable("code") String code, @RequestBody SplitRequest request) {
        if (request.parts() == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        List<NewVillage> parts = new java.util.ArrayList<>();
        for (int i = 0; i < request.parts().size(); i++) {
            parts.add(request.parts().get(i).toNewVillage("parts[" + i + "]."));
        }
        return villages.split(code, parts, day(request.effective()), request.decisionRef()).stream()
                .map(AdminUnitView::of).toList();
    }

    @PostMapping(path = "/villages/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import villages from CSV or XLSX (ma_xa, ten, loai, so_ho); all or nothing")
    List<AdminUnitView> importFile(@RequestPart("file") MultipartFile file,
                                   @RequestParam(name = "effective", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                                   @RequestParam(name = "decisionRef", required = false) String decisionRef) throws IOException {
        return villages.importFile(file.getOriginalFilename(), file.getBytes(), day(effective), decisionRef).stream()
                .map(AdminUnitView::of).toList();
    }

    private LocalDate day(LocalDate asOf) {
        return asOf == null ? units.today() : asOf;
    }
}
