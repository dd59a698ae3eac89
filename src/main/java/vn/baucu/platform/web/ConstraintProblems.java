package vn.baucu.platform.web;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;

import vn.baucu.platform.DomainException;

/** A PostgreSQL constraint violation as a 409 problem naming the constraint (foreign key: in use; unique: duplicate). */
final class ConstraintProblems {

    private ConstraintProblems() {
    }

    static DomainException of(DataIntegrityViolationException e) {
        String state = null;
        String constraint = "?";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                state = p.getSQLState();
                constraint = String.valueOf(p.getServerErrorMessage().getConstraint());
                break;
            }
            if (t instanceof SQLException s && state == null) {
                state = s.getSQLState();
            }
        }
        return "23505".equals(state) ? DomainException.conflict("problem.duplicate", constraint)
                : DomainException.conflict("problem.in-use", constraint);
    }
}
