package vn.baucu.election;

import java.util.List;

/** An electoral unit as a province defines it: number, seats and the codes of the whole communes it covers. */
public record UnitDefinition(int number, String name, int seats, List<String> communeCodes) {
}
