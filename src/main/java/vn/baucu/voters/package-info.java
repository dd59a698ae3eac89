/**
 * Voters: the register of residents by household that communes keep (the source of village-head
 * electorates: one representative per household), and — as the project grows — voter lists, their
 * posting, changes and complaints. Depends on the platform and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voters")
package vn.baucu.voters;
