package vn.baucu.geography;

import java.util.Optional;

import vn.baucu.platform.rules.VietnameseNames;

/**
 * The local kinds of village (rural) and residential group (urban) — Luật Thực hiện dân chủ ở cơ sở
 * 2022 and Thông tư 04/2012/TT-BNV name them thôn, xóm, làng, ấp, bản, buôn, bon, phum, sóc and tổ dân
 * phố, khu phố, khối phố, khóm, tiểu khu; Quảng Ninh also uses khu.
 */
public enum VillageKind {
    THON("thôn"), XOM("xóm"), LANG("làng"), AP("ấp"), BAN("bản"), BUON("buôn"), BON("bon"), PHUM("phum"),
    SOC("sóc"), TO_DAN_PHO("tổ dân phố"), KHU_PHO("khu phố"), KHOI_PHO("khối phố"), KHOM("khóm"),
    TIEU_KHU("tiểu khu"), KHU("khu");

    private final String label;

    VillageKind(String label) {
        this.label = label;
    }

    /** The Vietnamese word, as stored in {@code admin_unit.kind}. */
    public String label() {
        return label;
    }

    /** Accepts the Vietnamese word with or without diacritics ("Tổ dân phố", "to dan pho") or the constant name. */
    public static Optional<VillageKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = VietnameseNames.searchKey(text).replace('_', ' ');
        for (VillageKind k : values()) {
            if (VietnameseNames.searchKey(k.label).equals(key) || k.name().replace('_', ' ').equalsIgnoreCase(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
