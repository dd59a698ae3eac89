package vn.baucu.demo;

import java.util.SplittableRandom;

/**
 * Realistic Vietnamese full names: family names weighted by their approximate national shares
 * (Nguyễn about 38%, Trần 11%, Lê 9.5%…), a middle name and a given name by sex. Deterministic for a seed.
 */
final class VietnameseNameGenerator {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Lương", "Trịnh", "Đoàn", "Lâm", "Mai", "Tô",
        "Hà", "Tạ", "Chu", "Triệu", "Nông", "Lục"};
    private static final int[] FAMILY_WEIGHT = {380, 110, 95, 70, 41, 10, 45, 25, 14, 21, 20, 14, 13, 13, 10, 5, 8, 8,
        5, 5, 5, 3, 4, 3, 6, 3, 3, 4, 5, 3};
    private static final String[] MIDDLE_MALE = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân",
        "Thành", "Ngọc", "Tiến", "Mạnh", "Duy", "Trọng", "Đình"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh",
        "Thùy", "Hồng", "Kim", "Phương", "Mỹ", "Bích", "Thị Thu", "Thị Hồng"};
    private static final String[] GIVEN_MALE = {"An", "Anh", "Bình", "Cường", "Chiến", "Dũng", "Đạt", "Đông",
        "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lực", "Mạnh",
        "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Thịnh",
        "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hoàng", "Đức", "Lợi", "Thuận", "Hưng", "Tiến"};
    private static final String[] GIVEN_FEMALE = {"An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Dung", "Duyên",
        "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hòa", "Hồng", "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan",
        "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thủy", "Thúy", "Trang", "Tuyết",
        "Vân", "Xuân", "Yến", "Lụa", "Nguyệt", "Dịu", "Huyền", "Thơm", "Lý"};

    private static final int FAMILY_TOTAL;

    static {
        int t = 0;
        for (int w : FAMILY_WEIGHT) {
            t += w;
        }
        FAMILY_TOTAL = t;
    }

    private VietnameseNameGenerator() {
    }

    static String fullName(SplittableRandom random, char sex) {
        int pick = random.nextInt(FAMILY_TOTAL);
        String family = FAMILY[FAMILY.length - 1];
        for (int i = 0; i < FAMILY.length; i++) {
            pick -= FAMILY_WEIGHT[i];
            if (pick < 0) {
                family = FAMILY[i];
                break;
            }
        }
        boolean male = sex == 'M';
        String middle = (male ? MIDDLE_MALE : MIDDLE_FEMALE)[random.nextInt((male ? MIDDLE_MALE : MIDDLE_FEMALE).length)];
        String given = (male ? GIVEN_MALE : GIVEN_FEMALE)[random.nextInt((male ? GIVEN_MALE : GIVEN_FEMALE).length)];
        return family + " " + middle + " " + given;
    }
}
