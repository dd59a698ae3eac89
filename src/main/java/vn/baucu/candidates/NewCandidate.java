package vn.baucu.candidates;

import java.time.LocalDate;
import java.util.List;

/**
 * A nomination. {@code exclusions}: any of the grounds of Luật 85/2015/QH13 Điều 37 that apply (each
 * makes the person ineligible); {@code personalId} (12 digits) identifies the person across contests,
 * else the name and birth date do. {@code residesInVillage}: for a village head, whether the person has
 * permanent residence in the village (TT 04/2012/TT-BNV, Điều 11); null when not stated. {@code nominatedOn}:
 * the day of the nomination (today when null); a nomination from the floor of a village's election meeting
 * is made on election day.
 */
public record NewCandidate(String fullName, String otherName, LocalDate birthDate, char sex, String personalId,
                           String ethnicity, String religion, String hometown, String residence, String education,
                           String qualification, String politicalTheory, boolean partyMember, LocalDate partyJoined,
                           String workplace, String position, boolean incumbent, String nominationSource,
                           List<String> exclusions, Boolean residesInVillage, LocalDate nominatedOn) {
}
