/**
 * Audit: the tamper-evident, append-only log of every change to election data. Facades of other
 * modules call {@link vn.baucu.audit.AuditLog} inside their own transaction, so a change and its audit
 * entry are committed together or not at all. Depends only on the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package vn.baucu.audit;
