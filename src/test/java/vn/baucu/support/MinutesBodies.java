package vn.baucu.support;

/** JSON bodies of counting-minutes entries (contracts/counting-minutes.md) for the test elections. */
public final class MinutesBodies {

    private MinutesBodies() {
    }

    /** A village meeting's secret ballot: every ballot issued is returned; one complaint, settled. */
    public static String village(VillageElections.Built v, long electorate, long participants, long valid, long invalid,
                                 long first, long second, String extra) {
        return """
                {"votingMethod":"SECRET_BALLOT","electorate":%d,"participants":%d,"ballotsIssued":%d,"ballotsReturned":%d,
                 "validBallots":%d,"invalidBallots":%d,
                 "candidates":[{"id":"%s","votes":%d},{"id":"%s","votes":%d}],
                 "complaints":{"received":1,"settled":1,"forwarded":0}%s}"""
                .formatted(electorate, participants, participants, participants, valid, invalid, v.first(), first,
                        v.second(), second, extra);
    }

    /** A polling area's minutes of the NA unit "22-1" (three names); {@code area} null leaves the area out. */
    public static String area(UnitElections.Built u, Long area, long electorate, long voted, long a, long b, long c) {
        return """
                {%s"electorate":%d,"participants":%d,"ballotsIssued":%d,"ballotsReturned":%d,"validBallots":%d,
                 "invalidBallots":0,"candidates":[{"id":"%s","votes":%d},{"id":"%s","votes":%d},{"id":"%s","votes":%d}]}"""
                .formatted(area == null ? "" : "\"pollingArea\":" + area + ",", electorate, voted, voted, voted, voted,
                        u.candidate(0), a, u.candidate(1), b, u.candidate(2), c);
    }
}
