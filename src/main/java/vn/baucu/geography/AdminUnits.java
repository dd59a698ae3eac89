package vn.baucu.geography;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import vn.baucu.geography.internal.AdminUnitRepository;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;

/**
 * Reading the administrative hierarchy as of a date. Provinces, districts and communes are public
 * knowledge to every signed-in user; villages (with their household counts) only inside the user's
 * scope.
 */
@Service
@Transactional(readOnly = true)
public class AdminUnits {

    private final AdminUnitRepository units;
    private final Authorization authorization;
    private final Clock clock;

    AdminUnits(AdminUnitRepository units, Authorization authorization, Clock clock) {
        this.units = units;
        this.authorization = authorization;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The unit with this code as of the date; not found otherwise. Villages are scope-checked. */
    public AdminUnit get(String code, LocalDate asOf) {
        AdminUnit unit = units.findByCode(code, asOf)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", code, asOf));
        if (unit.level() == UnitLevel.VILLAGE) {
            authorization.require(unit.id(), Access.READ, code);
        }
        return unit;
    }

    public Optional<AdminUnit> find(String code, LocalDate asOf) {
        return units.findByCode(code, asOf);
    }

    /**
     * Units as of a date: of {@code level} (any depth) below {@code parentCode}, or the direct children
     * of the parent when no level is given, or the provinces when neither is.
     */
    public List<AdminUnit> list(UnitLevel level, String parentCode, LocalDate asOf) {
        if (parentCode == null || parentCode.isBlank()) {
            if (level == null || level == UnitLevel.PROVINCE) {
                return units.provinces(asOf);
            }
            if (level == UnitLevel.VILLAGE) {
                throw DomainException.badRequest("unit.villages-need-parent");
            }
            return units.byLevel(level, asOf);
        }
        AdminUnit parent = units.findByCode(parentCode, asOf)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", parentCode, asOf));
        if (level == UnitLevel.VILLAGE || (level == null && parent.level() == UnitLevel.COMMUNE)) {
            authorization.require(parent.id(), Access.READ, parent.code());
            return sortByName(level == null ? units.children(parent.id(), asOf)
                    : units.descendants(parent.id(), UnitLevel.VILLAGE, asOf));
        }
        if (level == null) {
            return units.children(parent.id(), asOf);
        }
        if (parent.level() == UnitLevel.PROVINCE) {
            return units.inProvince(parent.provinceCode(), level, asOf);
        }
        return units.descendants(parent.id(), level, asOf);
    }

    /**
     * The unit {@code scope} (null: the nation) and every province, district and commune below it as of the date, by
     * code: what a roll-up by commune needs to count each commune in the units above it (following
     * {@link AdminUnit#parentCode()} through the map), read in at most three queries instead of one ancestor look-up
     * per commune (3,321 communes on the 2026 day). A commune or a village as the scope gives itself only.
     */
    public java.util.Map<String, AdminUnit> downToCommunes(AdminUnit scope, LocalDate asOf) {
        java.util.Map<String, AdminUnit> known = new java.util.LinkedHashMap<>();
        if (scope != null && (scope.level() == UnitLevel.COMMUNE || scope.level() == UnitLevel.VILLAGE)) {
            known.put(scope.code(), scope);
            return known;
        }
        List<UnitLevel> levels = scope == null ? List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)
                : scope.level() == UnitLevel.PROVINCE ? List.of(UnitLevel.DISTRICT, UnitLevel.COMMUNE)
                : List.of(UnitLevel.COMMUNE);
        if (scope != null) {
            known.put(scope.code(), scope);
        }
        for (UnitLevel level : levels) {
            list(level, scope == null ? null : scope.code(), asOf).forEach(u -> known.put(u.code(), u));
        }
        return known;
    }

    public List<AdminUnit> search(String query, LocalDate asOf, int limit) {
        return units.search(query, asOf, Math.min(Math.max(limit, 1), 200));
    }

    /** The units this one was formed from (GSO 2025 mapping, village merges and splits). */
    public List<UnitLink> predecessors(AdminUnit unit) {
        return units.predecessors(unit.id());
    }

    /** The units this one went into. */
    public List<UnitLink> successors(AdminUnit unit) {
        return units.successors(unit.id());
    }

    public List<AdminUnit> ancestors(AdminUnit unit) {
        return units.ancestors(unit.id());
    }

    /** Every version of a unit code, oldest first (a village's renames and moves). */
    public List<AdminUnit> history(String code) {
        List<AdminUnit> versions = units.versions(code);
        if (versions.isEmpty()) {
            throw DomainException.notFound("unit.not-found-any", code);
        }
        AdminUnit latest = versions.get(versions.size() - 1);
        if (latest.level() == UnitLevel.VILLAGE) {
            authorization.require(latest.id(), Access.READ, code);
        }
        return versions;
    }

    public boolean canAdminister(AdminUnit unit) {
        return authorization.allows(unit.id(), Access.ADMINISTER);
    }

    /** Whether the user may see the villages (with household counts) of this commune or district. */
    public boolean canReadVillagesOf(AdminUnit unit) {
        return authorization.allows(unit.id(), Access.READ);
    }

    public boolean canRead(AdminUnit unit) {
        return unit.level() != UnitLevel.VILLAGE || authorization.allows(unit.id(), Access.READ);
    }

    static List<AdminUnit> sortByName(List<AdminUnit> list) {
        Collator collator = Collator.getInstance(new ULocale("vi"));
        return list.stream().sorted(Comparator.comparing(AdminUnit::name, collator::compare)).toList();
    }
}
