package vn.baucu.geography;

/** Levels of administrative units. Districts exist only before 1/7/2025. */
public enum UnitLevel {
    PROVINCE, DISTRICT, COMMUNE, VILLAGE
}
