package vn.baucu.election;

import java.time.LocalDate;

import vn.baucu.rules.RuleSet;

/**
 * What an official gives to create an election.
 *
 * @param councilLevel for a People's Council election: PROVINCE or COMMUNE; null otherwise
 * @param scopeCode    the administrative unit (as of the election day) the election covers; null for the whole country
 */
public record NewElection(ElectionKind kind, String councilLevel, RuleSet ruleSet, String name, String term,
                          LocalDate electionDay, String scopeCode) {
}
