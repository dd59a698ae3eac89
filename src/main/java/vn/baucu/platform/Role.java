package vn.baucu.platform;

/** The roles of baucu's users. Every role but {@link #SYSTEM_ADMIN} is scoped to one administrative unit. */
public enum Role {
    SYSTEM_ADMIN,
    PROVINCE_OFFICIAL,
    COMMUNE_OFFICIAL,
    ELECTION_TEAM,
    FRONT_COMMITTEE,
    PARTY_COMMITTEE,
    OBSERVER;

    /** Roles allowed to change administrative data (units, villages) inside their scope. */
    public boolean administersUnits() {
        return this == SYSTEM_ADMIN || this == PROVINCE_OFFICIAL || this == COMMUNE_OFFICIAL;
    }
}
