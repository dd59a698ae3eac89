package vn.baucu.candidates;

import java.time.LocalDate;

/** A candidate as read back (the public part of the profile plus the status). */
public record CandidateView(long id, long electionId, String placeCode, String fullName, String otherName,
                            LocalDate birthDate, char sex, String ethnicity, String religion, String hometown,
                            String residence, String education, String qualification, String politicalTheory,
                            boolean partyMember, String workplace, String position, boolean incumbent,
                            String nominationSource, String status, LocalDate statusDate, String statusReason,
                            String statusDecision, Integer listPosition) {
}
