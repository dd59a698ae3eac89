package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Body;
import vn.baucu.rules.Evaluation.FollowUp;
import vn.baucu.rules.Evaluation.FollowUpKind;
import vn.baucu.rules.RuleSet;

/**
 * Village heads after the count: nobody elected → the minutes record why and the commune People's
 * Committee decides whether to re-elect (no legal deadline). Somebody elected → they take office only
 * once the commune recognises the result, within 5 working days of receiving the minutes.
 *
 * <p>2023: Nghị định 59/2023/NĐ-CP, Điều 3 khoản 5 điểm d, Điều 8; Luật 10/2022/QH15, Điều 21 khoản 2.
 * 2008: NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 8 và 9.
 */
final class VillageHeadFollowUp implements ContestRule {

    @Override
    public void apply(ContestState s) {
        boolean v2023 = s.figures.ruleSet() == RuleSet.VILLAGE_HEAD_2023;
        if (s.elected.isEmpty()) {
            s.reason("NO_HEAD_ELECTED", v2023 ? "Nghị định 59/2023/NĐ-CP, Điều 3 khoản 5 điểm d; Điều 8"
                    : "NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 8");
            s.followUp = new FollowUp(FollowUpKind.REELECTION, null, Body.COMMUNE_PEOPLES_COMMITTEE);
        } else {
            s.reason(v2023 ? "RECOGNITION_REQUIRED" : "RECOGNITION_REQUIRED_2008",
                    v2023 ? "Nghị định 59/2023/NĐ-CP, Điều 8; Luật 10/2022/QH15, Điều 21 khoản 2"
                            : "NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 9");
        }
    }
}
