package vn.baucu.candidates;

import java.time.LocalDate;

/**
 * A candidate as read back (the public part of the profile plus the status). {@code addedAtMeeting}: nominated
 * from the floor of a village's election meeting, after the list was settled; {@code struckAfterPrinting}:
 * struck off (or withdrawn) after the election was frozen and its ballots printed, so the name is still on
 * the ballot and the counting minutes say that votes for it do not count.
 */
public record CandidateView(long id, long electionId, String placeCode, String fullName, String otherName,
                            LocalDate birthDate, char sex, String ethnicity, String religion, String hometown,
                            String residence, String education, String qualification, String politicalTheory,
                            boolean partyMember, String workplace, String position, boolean incumbent,
                            String nominationSource, String status, LocalDate statusDate, String statusReason,
                            String statusDecision, Integer listPosition, boolean addedAtMeeting,
                            boolean struckAfterPrinting) {
}
