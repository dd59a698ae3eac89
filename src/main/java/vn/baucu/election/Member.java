package vn.baucu.election;

import vn.baucu.rules.Bodies;

/** A member of a body: name, role (chair, vice-chair, secretary, member) and the organisation they represent. */
public record Member(String fullName, Bodies.Role role, String represents) {
}
