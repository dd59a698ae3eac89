/**
 * Election: elections, contests, electoral units, organisations and the legal calendar (published as
 * the stateless calendar-preview API). Depends on the rules module, geography and the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Election")
package vn.baucu.election;
