package vn.baucu.platform;

/**
 * Whether an election is a rehearsal, so that every page of it says so (DIỄN TẬP). Implemented by the election module;
 * the platform's layout asks it for any page under {@code /elections/{id}}.
 */
public interface RehearsalMarks {

    boolean isRehearsal(long electionId);
}
