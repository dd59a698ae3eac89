/**
 * Rules: Vietnam's election law as pure Java — who is elected and what happens next (contest
 * evaluation per rule set), the legal calendar with working days, ballot validity, the arithmetic of
 * counting minutes, candidate-list and eligibility checks, and the one percentage policy. No Spring,
 * no database, no I/O beyond reading the bundled holiday table: every other module calls these, and a
 * legal reviewer can map each clause to one class and one test. See {@code ../shared/domain/law.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Election rules")
package vn.baucu.rules;
