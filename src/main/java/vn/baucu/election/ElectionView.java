package vn.baucu.election;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An election as read back, with its counts of contests and electoral units; {@code rehearsalOf} is the real election
 * a rehearsal copies (null for a real election).
 */
public record ElectionView(long id, ElectionKind kind, String councilLevel, String ruleSet, String name, String term,
                           LocalDate electionDay, String scopeCode, String scopeName, String status, String fingerprint,
                           Instant frozenAt, int contests, int electoralUnits, int seats, Long rehearsalOf) {

    public boolean rehearsal() {
        return rehearsalOf != null;
    }
}
