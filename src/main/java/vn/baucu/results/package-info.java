/**
 * Results: the legal outcome of contests (published as the stateless contest-evaluation API and a
 * public calculator page) and, as the project grows, aggregation and live dashboards up the hierarchy.
 * Depends on the rules module and the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Results")
package vn.baucu.results;
