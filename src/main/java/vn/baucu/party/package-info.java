/**
 * Party cell congresses and the unified post ("Dân tin – Đảng cử", nhất thể hóa): cells and their members, the congress
 * (roll, quorum, list, secret ballot counted twice, rounds in the same sitting, the superior committee's ratification),
 * and the report of whether each village's cell secretary is its recognised head. Party data is read and written only
 * by Party committee roles ({@code Authorization.requireParty}); nothing of it reaches a public page. The count is
 * decided by {@code rules.ContestEvaluator} with {@code PARTY_CELL_2024}; the rest of the law is in
 * {@code rules.PartyCongresses} and {@code rules.UnifiedPosts}. ADR 0011.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party congresses")
package vn.baucu.party;
