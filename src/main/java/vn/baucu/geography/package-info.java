/**
 * Geography: administrative units as dated versions — the GSO provinces, districts and communes before
 * and after the 1/7/2025 reform with the old→new mapping, and the villages / residential groups that
 * communes create, rename, merge and split. Facades: {@link vn.baucu.geography.AdminUnits} (read) and
 * {@link vn.baucu.geography.Villages} (change). Depends on the platform and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography")
package vn.baucu.geography;
