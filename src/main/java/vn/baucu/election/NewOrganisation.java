package vn.baucu.election;

import java.time.LocalDate;

import vn.baucu.rules.Bodies;

/**
 * A body formed by a decision. Where it sits: {@code unitCode} (an administrative unit: committees),
 * {@code contestPlaceCode} (a village's team or counting committee), {@code electoralUnit} ("22-1": a
 * board) or {@code pollingAreaId} (an NA/HĐND election team).
 */
public record NewOrganisation(Bodies.Kind kind, String level, String unitCode, String contestPlaceCode,
                              String electoralUnit, Long pollingAreaId, boolean armedForces, String name,
                              String decisionNo, LocalDate decisionDate, String issuingBody) {
}
