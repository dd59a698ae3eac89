package vn.baucu.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.baucu.platform.internal.BaucuUserDetails;

/**
 * Decides whether the current user may read or administer a given administrative unit: a unit is in
 * scope when it, or one of its ancestors, is the user's unit. A system admin's scope is everything.
 */
@Component
public class Authorization {

    /**
     * What a user may do to a unit: read it, administer it (officials), or make the records that the law gives to the
     * Fatherland Front's committees (the consultation conferences, Luật 85/2015/QH13, Điều 38–50; the village Front
     * working committee's candidate meeting, NĐ 59/2023/NĐ-CP, Điều 6) — officials may record those too.
     */
    public enum Access { READ, ADMINISTER, FRONT }

    private final UnitHierarchy hierarchy;

    Authorization(UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * Runs {@code work} as the built-in {@code system} administrator (start-up loaders, the demo
     * command), restoring the caller's security context afterwards.
     */
    public static <T> T runAsSystem(java.util.function.Supplier<T> work) {
        return runAs(new CurrentUser("system", "Hệ thống", Role.SYSTEM_ADMIN, null), work);
    }

    /**
     * Runs {@code work} as {@code user} — with that user's role and unit, every guard applying as to a request of
     * theirs — restoring the caller's security context afterwards. For loaders that stand in for named people (the
     * demo's data-entry clerks typing each minutes twice); no request reaches it.
     */
    public static <T> T runAs(CurrentUser user, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var details = new BaucuUserDetails(user, "", true, null, java.time.Instant.EPOCH);
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The logged-in user; a forbidden problem when nobody is logged in. */
    public CurrentUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof BaucuUserDetails details) {
            return details.user();
        }
        throw DomainException.forbidden("problem.forbidden.not-logged-in");
    }

    /** The logged-in user, or null for an anonymous request. */
    public CurrentUser currentUserOrNull() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof BaucuUserDetails details ? details.user() : null;
    }

    public boolean allows(long unitId, Access access) {
        CurrentUser user = currentUserOrNull();
        if (user == null) {
            return false;
        }
        if (access == Access.ADMINISTER && !user.role().administersUnits()) {
            return false;
        }
        if (access == Access.FRONT && !user.role().administersUnits() && user.role() != Role.FRONT_COMMITTEE) {
            return false;
        }
        return user.isSystemAdmin() || hierarchy.isWithin(unitId, user.unitCode());
    }

    /**
     * The one guard for a change to (or a read of) election data: the unit {@code unitCode} as it stood on
     * {@code asOf} (an election's day) must exist (404), lie within the election's scope {@code electionScope}
     * (null for a nationwide election; else 422 {@code SCOPE-001}), and the current user's role and unit must
     * give {@code access} to it (403).
     */
    public CurrentUser require(Access access, String unitCode, java.time.LocalDate asOf, String electionScope) {
        currentUser();
        long unitId = hierarchy.unitId(unitCode, asOf)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", unitCode, asOf));
        return require(access, unitId, unitCode, electionScope);
    }

    /** As {@link #require(Access, String, java.time.LocalDate, String)} for a unit version already resolved. */
    public CurrentUser require(Access access, long unitId, String unitCode, String electionScope) {
        CurrentUser user = currentUser();
        if (electionScope != null && !hierarchy.isWithin(unitId, electionScope)) {
            throw DomainException.violations(java.util.List.of(Violation.of("SCOPE-001", "unit",
                    "problem.outside-election-scope", unitCode, electionScope)));
        }
        if (!allows(unitId, access)) {
            throw DomainException.forbidden("problem.forbidden.unit", unitCode);
        }
        return user;
    }

    /**
     * The guard for what a polling place's own team records (opening, turnout, incidents, the typed minutes), the
     * same guard as {@link #require(Access, long, String, String)} with one more way in: besides those who administer
     * the unit (the commune's officials and above), an {@link Role#ELECTION_TEAM} member of exactly that place — the
     * village {@code unitCode} when {@code pollingAreaId} is null, else that polling area of the commune {@code unitCode}.
     * Everyone else is refused (403), observers, Front and Party committees included.
     */
    public CurrentUser requirePollingTeam(long unitId, String unitCode, Long pollingAreaId, String electionScope) {
        CurrentUser user = currentUser();
        if (electionScope != null && !hierarchy.isWithin(unitId, electionScope)) {
            throw DomainException.violations(java.util.List.of(Violation.of("SCOPE-001", "unit",
                    "problem.outside-election-scope", unitCode, electionScope)));
        }
        if (allows(unitId, Access.ADMINISTER) || isTeamOf(user, unitCode, pollingAreaId)) {
            return user;
        }
        throw DomainException.forbidden("problem.forbidden.unit", unitCode);
    }

    /** As {@link #requirePollingTeam(long, String, Long, String)} for the unit with this code on {@code asOf} (404 if none). */
    public CurrentUser requirePollingTeam(String unitCode, java.time.LocalDate asOf, Long pollingAreaId, String electionScope) {
        currentUser();
        long unitId = hierarchy.unitId(unitCode, asOf)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", unitCode, asOf));
        return requirePollingTeam(unitId, unitCode, pollingAreaId, electionScope);
    }

    /** Whether the current user has {@code access} to the unit with this code on {@code asOf}. */
    public boolean allows(String unitCode, java.time.LocalDate asOf, Access access) {
        var id = hierarchy.unitId(unitCode, asOf);
        return id.isPresent() && allows(id.getAsLong(), access);
    }

    /**
     * The one guard for Party data (cells, members, congresses, the unified-post report): a {@link Role#PARTY_COMMITTEE}
     * user whose unit contains {@code unitCode} as it stood on {@code asOf} (the system administrator too). Everyone
     * else is refused (403) — state officials of the same unit, observers and Front committees included: Party data is
     * the Party's (issue: Party, confidentiality). 404 for a unit that did not exist on that day.
     */
    public CurrentUser requireParty(String unitCode, java.time.LocalDate asOf) {
        CurrentUser user = currentUser();
        long unitId = hierarchy.unitId(unitCode, asOf)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", unitCode, asOf));
        if (user.isSystemAdmin() || user.role() == Role.PARTY_COMMITTEE && hierarchy.isWithin(unitId, user.unitCode())) {
            return user;
        }
        throw DomainException.forbidden("problem.forbidden.unit", unitCode);
    }

    /** Whether the current user may read and write Party data of the unit (see {@link #requireParty}). */
    public boolean isParty() {
        CurrentUser user = currentUserOrNull();
        return user != null && (user.isSystemAdmin() || user.role() == Role.PARTY_COMMITTEE);
    }

    /** Whether the user is an election team member of exactly this place (see {@link #requirePollingTeam}). */
    public static boolean isTeamOf(CurrentUser user, String unitCode, Long pollingAreaId) {
        if (user == null || user.role() != Role.ELECTION_TEAM) {
            return false;
        }
        return pollingAreaId == null ? unitCode.equals(user.unitCode()) && user.pollingAreaId() == null
                : pollingAreaId.equals(user.pollingAreaId()) && unitCode.equals(user.unitCode());
    }

    /** Whether the unit (as of {@code asOf}) lies within the scope {@code scopeCode}; any unit for a null scope. */
    public boolean isWithin(String unitCode, java.time.LocalDate asOf, String scopeCode) {
        if (scopeCode == null) {
            return true;
        }
        var id = hierarchy.unitId(unitCode, asOf);
        return id.isPresent() && hierarchy.isWithin(id.getAsLong(), scopeCode);
    }

    /** Throws a forbidden problem unless the current user has {@code access} to the unit. */
    public CurrentUser require(long unitId, Access access, String unitCode) {
        CurrentUser user = currentUser();
        if (!allows(unitId, access)) {
            throw DomainException.forbidden("problem.forbidden.unit", unitCode);
        }
        return user;
    }
}
