package vn.baucu.geography.internal;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.UnitLevel;
import vn.baucu.geography.UnitLink;

/** An administrative unit as the API returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AdminUnitView(String code, String name, String kind, UnitLevel level, String parentCode, String provinceCode,
                     LocalDate validFrom, LocalDate validTo, Integer households, List<Link> mergedFrom,
                     List<Link> mergedInto) {

    /** A predecessor or successor; {@code partial} when only part of the old unit went into the new one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String code, String name, UnitLevel level, String relation, boolean partial, LocalDate effective) {
        static Link of(UnitLink l) {
            return new Link(l.code(), l.name(), l.level(), l.kind(), "PARTIAL".equals(l.kind()), l.effective());
        }
    }

    static AdminUnitView of(AdminUnit u) {
        return new AdminUnitView(u.code(), u.name(), u.kind(), u.level(), u.parentCode(), u.provinceCode(),
                u.validFrom(), u.validTo(), u.households(), null, null);
    }

    static AdminUnitView of(AdminUnit u, List<UnitLink> from, List<UnitLink> into) {
        return new AdminUnitView(u.code(), u.name(), u.kind(), u.level(), u.parentCode(), u.provinceCode(),
                u.validFrom(), u.validTo(), u.households(), from.stream().map(Link::of).toList(),
                into.stream().map(Link::of).toList());
    }
}
