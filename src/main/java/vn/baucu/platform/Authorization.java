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

    public enum Access { READ, ADMINISTER }

    private final UnitHierarchy hierarchy;

    Authorization(UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * Runs {@code work} as the built-in {@code system} administrator (start-up loaders, the demo
     * command), restoring the caller's security context afterwards.
     */
    public static <T> T runAsSystem(java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var details = new BaucuUserDetails(new CurrentUser("system", "Hệ thống", Role.SYSTEM_ADMIN, null), "", true,
                null, java.time.Instant.EPOCH);
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
        return user.isSystemAdmin() || hierarchy.isWithin(unitId, user.unitCode());
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
