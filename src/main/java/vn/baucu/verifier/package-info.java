/**
 * The independent verifier: {@code java -jar baucu.jar verify <download.zip>} recomputes every published total and
 * outcome from an open-data download with the rules engine alone (no database, no Spring), checks every hash, and
 * reports each difference. Depends on {@code rules} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verifier")
package vn.baucu.verifier;
