package vn.baucu.geography;

import java.time.LocalDate;

/**
 * A unit that came before or after another: {@code kind} FULL or PARTIAL for the GSO 2025 mapping
 * (PARTIAL: only part of the old unit went into the new one), MERGED or SPLIT for villages.
 */
public record UnitLink(String code, String name, UnitLevel level, LocalDate validFrom, LocalDate validTo,
                       String kind, LocalDate effective) {
}
