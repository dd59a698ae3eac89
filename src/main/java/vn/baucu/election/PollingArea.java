package vn.baucu.election;

import java.time.LocalDate;

/** A polling area of a commune for a polling day (one area serves every contest held there that day). */
public record PollingArea(long id, String communeCode, LocalDate pollingDay, int number, String name, String address,
                          int voters) {
}
