package vn.baucu.geography;

import java.time.LocalDate;

/**
 * One version of an administrative unit: the unit as it stood from {@code validFrom} (inclusive; null
 * = since before the records begin) to {@code validTo} (exclusive; null = in force).
 *
 * @param households the village's number of households as the commune recorded it; null above villages
 * @param version    how many times the unit (its code) was amended: the {@code ETag} a change sends back as If-Match
 */
public record AdminUnit(long id, String code, UnitLevel level, String kind, String name, Long parentId,
                        String parentCode, String provinceCode, LocalDate validFrom, LocalDate validTo,
                        Integer households, String source, String decisionRef, int version) {

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || validTo.isAfter(date));
    }
}
