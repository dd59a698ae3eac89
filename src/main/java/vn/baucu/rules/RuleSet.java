package vn.baucu.rules;

/**
 * The rule sets baucu applies, each the law in force for one kind of election at one time.
 * {@code legalBasis} names the texts; the clauses are cited by the rules that make up each set.
 */
public enum RuleSet {
    /** Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15 and Nghị định 59/2023/NĐ-CP (from 1/7/2023). */
    VILLAGE_HEAD_2023(Kind.VILLAGE_HEAD, "Luật 10/2022/QH15; Nghị định 59/2023/NĐ-CP"),
    /** NQLT 09/2008/NQLT-CP-UBTWMTTQVN and TT 04/2012/TT-BNV (until 30/6/2023; the 2022 elections). */
    VILLAGE_HEAD_2008(Kind.VILLAGE_HEAD, "NQLT 09/2008/NQLT-CP-UBTWMTTQVN; TT 04/2012/TT-BNV"),
    /** Luật 85/2015/QH13 as first enacted (elections of 2016 and 2021). */
    NATIONAL_ASSEMBLY_2015(Kind.NATIONAL_ASSEMBLY, "Luật 85/2015/QH13"),
    /** Luật 85/2015/QH13 as amended by Luật 83/2025/QH15 (from 1/7/2025; the 2026 election). */
    NATIONAL_ASSEMBLY_2025(Kind.NATIONAL_ASSEMBLY, "Luật 85/2015/QH13 (sửa đổi bởi Luật 83/2025/QH15)"),
    PEOPLES_COUNCIL_2015(Kind.PEOPLES_COUNCIL, "Luật 85/2015/QH13"),
    PEOPLES_COUNCIL_2025(Kind.PEOPLES_COUNCIL, "Luật 85/2015/QH13 (sửa đổi bởi Luật 83/2025/QH15)"),
    /** Quyết định 190-QĐ/TW (2024) on elections in the Party, and the Party Charter. */
    PARTY_CELL_2024(Kind.PARTY_CELL, "Quyết định 190-QĐ/TW; Điều lệ Đảng");

    public enum Kind { VILLAGE_HEAD, NATIONAL_ASSEMBLY, PEOPLES_COUNCIL, PARTY_CELL }

    private final Kind kind;
    private final String legalBasis;

    RuleSet(Kind kind, String legalBasis) {
        this.kind = kind;
        this.legalBasis = legalBasis;
    }

    public Kind kind() {
        return kind;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** Law 85 as amended in 2025 (shorter deadlines) rather than the original text. */
    public boolean amended2025() {
        return this == NATIONAL_ASSEMBLY_2025 || this == PEOPLES_COUNCIL_2025;
    }

    /** "Luật 85/2015/QH13" or "Luật 85/2015/QH13 (sửa đổi 2025)": the citation prefix of Law 85 articles. */
    public String law85() {
        return amended2025() ? "Luật 85/2015/QH13 (sửa đổi 2025)" : "Luật 85/2015/QH13";
    }
}
