package vn.baucu.audit;

import java.time.Instant;

/** One line of the audit log as read back. {@code details} is the JSON text as stored. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subject, String subjectId,
                         String unitCode, String details, String hash) {
}
