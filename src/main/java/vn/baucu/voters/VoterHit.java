package vn.baucu.voters;

import java.time.LocalDate;

/**
 * One voter found by an official's search. Only those who administer the list's commune see the full personal id
 * and the birth date; everyone else sees the id's last 4 digits ({@code personalId} is then null) and the birth year.
 */
public record VoterHit(String fullName, LocalDate birthDate, int birthYear, String personalId, String idEnding,
                       String household, String communeCode, Long pollingAreaId, String villageCode, long listId,
                       String status, boolean full) {

    static VoterHit of(vn.baucu.voters.internal.VoterListStore.Found f, boolean administers) {
        String id = f.personalId() == null ? null : f.personalId().strip();
        return new VoterHit(f.fullName(), administers ? f.birthDate() : null, f.birthDate().getYear(),
                administers ? id : null, id == null || id.length() < 4 ? null : id.substring(id.length() - 4), f.household(),
                f.communeCode(), f.pollingAreaId(), f.villageCode(), f.listId(), f.status(), administers);
    }
}
