package vn.baucu.counting;

import java.util.List;

/**
 * One entry of a counting minutes, as contracts/counting-minutes.md publishes it. {@code pollingArea} is absent for a
 * village meeting; {@code candidates} names every name of the ballot by candidate id. Extensions: {@code
 * householdsUnrepresented} (village meetings, Luật 10/2022/QH15, Điều 20 khoản 2) and {@code fingerprint}, the
 * election's fingerprint printed on the paper form, refused when it is not the frozen one.
 */
public record MinutesEntry(Long pollingArea, String votingMethod, Long electorate, Long participants, Long ballotsIssued,
                           Long ballotsReturned, Long validBallots, Long invalidBallots, List<CandidateVotes> candidates,
                           Complaints complaints, List<Explanation> explanations, Long householdsUnrepresented,
                           String fingerprint) {

    public MinutesEntry {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        explanations = explanations == null ? List.of() : List.copyOf(explanations);
    }

    public record CandidateVotes(String id, Long votes) {
    }

    public record Complaints(Long received, Long settled, Long forwarded) {
    }

    /** The written explanation a plausibility warning asks for. */
    public record Explanation(String code, String text) {
    }
}
