package vn.baucu.voters;

import java.time.LocalDate;

/**
 * A resident in a commune's household register. A household is {@code (villageCode, householdNo)};
 * exactly one of its members may be its representative (the voter of a village head election).
 *
 * @param sex {@code 'M'} or {@code 'F'}
 */
public record Resident(String villageCode, String householdNo, String fullName, char sex, LocalDate birthDate,
                       String personalId, boolean householdRepresentative) {
}
