package vn.baucu.candidates.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.baucu.election.CandidateRoster;

/** Supplies the election module with who stands where (for body composition) and the final lists (fingerprint). */
@Component
class JdbcCandidateRoster implements CandidateRoster {

    private final CandidateStore store;

    JdbcCandidateRoster(CandidateStore store) {
        this.store = store;
    }

    @Override
    public List<String> candidateKeys(List<Long> contestIds) {
        return store.activeKeys(contestIds);
    }

    @Override
    public List<String> finalListLines(long electionId) {
        return store.finalListLines(electionId);
    }
}
