/**
 * Platform: what every module stands on — security (users, roles scoped to an administrative unit),
 * the one error shape, i18n, the clock, the base web layout and the embedded PostgreSQL default.
 * It depends on no other baucu module; modules that know the unit hierarchy plug into it through
 * {@link vn.baucu.platform.UnitHierarchy}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package vn.baucu.platform;
