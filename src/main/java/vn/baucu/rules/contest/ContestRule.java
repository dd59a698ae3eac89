package vn.baucu.rules.contest;

/** One named step of a rule set; each implementation cites the clause it applies. */
public interface ContestRule {

    void apply(ContestState state);
}
