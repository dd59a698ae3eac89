package vn.baucu.results.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.baucu.election.FollowUpElection;
import vn.baucu.results.ContestResults;

/** What was decided about a follow-up a result calls for, as the results document and the summaries show it. */
final class FollowUpDecision {

    private FollowUpDecision() {
    }

    /** The decision to hold none (an NA additional election, Điều 79 khoản 1). */
    static Map<String, Object> unheld(ContestResults.LeftUnheld u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("held", false);
        m.put("decisionRef", u.decisionRef());
        m.put("decidedOn", u.decidedOn().toString());
        m.put("reason", u.reason());
        return m;
    }

    /** The follow-up election started, with its round and day. */
    static Map<String, Object> started(FollowUpElection f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("held", true);
        m.put("election", f.electionId());
        m.put("round", f.round());
        m.put("electionDay", f.electionDay().toString());
        return m;
    }
}
