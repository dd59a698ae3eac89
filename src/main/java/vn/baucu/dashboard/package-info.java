/**
 * Dashboards: an election as it unfolds for the officials of a unit (calendar, turnout over the day, the counting
 * minutes, outcomes, what needs attention), drilling down from the province to each village or polling area, exported
 * to Excel and kept live by PostgreSQL's LISTEN/NOTIFY ({@code platform.LiveChanges}), so that several application
 * nodes show the same. Reads only through the election, counting, results and geography facades; changes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards")
package vn.baucu.dashboard;
