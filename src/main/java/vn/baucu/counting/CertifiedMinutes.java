package vn.baucu.counting;

/**
 * The latest certified version of one minutes of a contest, as the results read it: the place (a polling area's id,
 * null for a village meeting), the version, the SHA-256 of its canonical data and its figures.
 */
public record CertifiedMinutes(long minutesId, Long pollingArea, String communeCode, int version, String sha256,
                               MinutesEntry figures) {
}
