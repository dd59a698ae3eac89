package vn.baucu.platform;

/**
 * What the platform needs to know of the administrative hierarchy to decide whether a unit lies in a
 * user's scope. Implemented by the geography module.
 */
public interface UnitHierarchy {

    /**
     * Whether the unit version {@code unitId}, or any of its ancestors, has the code {@code scopeCode}.
     */
    boolean isWithin(long unitId, String scopeCode);

    /** The version of the unit with this code in force on {@code asOf}, if there is one. */
    java.util.OptionalLong unitId(String unitCode, java.time.LocalDate asOf);

    /** A display name for the unit with this code as of today (for headers and menus), or the code itself. */
    String displayName(String unitCode);
}
