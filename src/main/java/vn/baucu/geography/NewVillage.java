package vn.baucu.geography;

/** What a commune gives to create a village or residential group. */
public record NewVillage(String name, VillageKind kind, int households) {
}
