/**
 * Results: the legal outcome of every contest computed from its certified minutes (the same rule engine as the
 * stateless contest-evaluation API and its public calculator page), the candidates' outcome, and the results document
 * rolled up through the administrative units. Depends on the counting, election, candidates, geography, audit and
 * rules modules and the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Results")
package vn.baucu.results;
