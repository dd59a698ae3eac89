package vn.baucu.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one catalogue of violation codes: every problem baucu reports about what a user sent — a rule of the law
 * broken, a file row that cannot be taken, a malformed request — has one stable code here with its message key
 * (some have a variant of the same message, and a key ending in "." is completed by the caller) and its legal
 * basis. A code means one thing only. {@code docs/violation-codes.md} is generated from this list
 * ({@code ViolationCatalogueTest} keeps it in step), and every {@code Violation}, {@code Finding} and import issue
 * is checked against it when it is made, so an unlisted code or a code with another message fails at once.
 *
 * <p>Two styles of code are on the wire: numbered families ({@code K-101}: letter of the area, then a number) and,
 * for the rows of a voter-list file, the names published in {@code contracts/voter-list-format.md}
 * ({@code VOTER_TOO_YOUNG}), kept as published. New codes use the numbered style (ADR 0008).
 */
public enum ViolationCode {

    A_101("A-101", Severity.ERROR, "Luật 85/2015/QH13, Điều 11 khoản 1 (300–4.000 cử tri)", "polling-area.too-many"),
    A_102("A-102", Severity.ERROR, "Luật 85/2015/QH13, Điều 11 khoản 1 (ít hơn 300 chỉ ở miền núi, hải đảo, dân cư phân tán)", "polling-area.too-few"),
    A_103("A-103", Severity.ERROR, "Luật 85/2015/QH13, Điều 11 khoản 3 (bệnh viện, cơ sở chăm sóc: từ 50 cử tri)", "polling-area.hospital-too-few"),
    B_101("B-101", Severity.ERROR, "QĐ 190-QĐ/TW (danh sách đảng viên của chi bộ)", "party.member-field-required"),
    B_102("B-102", Severity.ERROR, "Luật Căn cước 2023 (số định danh cá nhân 12 chữ số)", "party.member-id-invalid"),
    B_103("B-103", Severity.ERROR, "Điều lệ Đảng (mỗi đảng viên sinh hoạt ở một chi bộ)", "party.member-duplicate"),
    B_104("B-104", Severity.ERROR, "Mặc định có thể cấu hình (thực tiễn: ít nhất 2/3 đảng viên triệu tập có mặt; law.md §3.2 chưa xác nhận)", "party.no-quorum"),
    B_105("B-105", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 14 (số dư không quá 30%)", "party.list-surplus"),
    B_106("B-106", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 14", "party.list-too-short"),
    B_107("B-107", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 14 (đề cử tại đại hội: trên 30% số có mặt tán thành)", "party.floor-support"),
    B_108("B-108", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 3 (biểu quyết giơ tay thông qua danh sách)", "party.list-vote-invalid"),
    B_109("B-109", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 3 (đại hội biểu quyết thông qua danh sách bầu cử)", "party.list-not-approved"),
    B_110("B-110", Severity.ERROR, "Điều lệ Đảng, Điều 2 (đảng viên dự bị không có quyền ứng cử)", "party.nominee-not-eligible"),
    B_111("B-111", Severity.ERROR, "Quyết định 244-QĐ/TW, Điều 19 khoản 9 (bí thư bầu trong số chi ủy viên)", "party.secretary-not-on-committee"),
    B_112("B-112", Severity.ERROR, "Chủ trương \"Dân tin – Đảng cử\" của Tỉnh ủy Quảng Ninh (law.md §3.3)", "party.instead-of-head-reason-required"),
    B_113("B-113", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 2 (cấp ủy cấp trên chuẩn y)", "party.ratification-decision-required"),
    B_114("B-114", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 2", "party.ratification-date-invalid"),
    B_115("B-115", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 30 (vắng mặt có lý do được chấp nhận)", "party.absence-unknown-member"),
    B_116("B-116", Severity.ERROR, "QĐ 244-QĐ/TW, Điều 20 khoản 2 (bầu tiếp khi còn thiếu)", "party.no-seats-left"),
    B_117("B-117", Severity.ERROR, "Điều lệ Đảng, Điều 24 khoản 4 (chi bộ từ 9 đảng viên chính thức bầu chi ủy)", "party.committee-seats-required"),
    B_118("B-118", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 30 (số phiếu phát ra không quá số đảng viên có mặt)", "party.participants-above-present"),
    B_119("B-119", Severity.ERROR, "Quyết định 190-QĐ/TW, Điều 30 (mỗi phiếu ghi ý kiến với từng người trong danh sách)", "party.ballot-marks-count"),
    B_120("B-120", Severity.ERROR, "QĐ 244-QĐ/TW, Điều 17 (danh sách không dư: đồng ý / không đồng ý; có dư: gạch tên)", "party.ballot-marks-agree",
            "party.ballot-marks-strike"),
    B_121("B-121", Severity.ERROR, "QĐ 244-QĐ/TW, Điều 32 khoản 3 (đại hội đại biểu: số đại biểu chính thức được triệu tập)", "party.delegates-required"),
    B_122("B-122", Severity.ERROR, "Điều lệ Đảng, Điều 2 (đại biểu là đảng viên chính thức của tổ chức đảng)", "party.delegate-not-eligible"),
    B_123("B-123", Severity.ERROR, "QĐ 244-QĐ/TW, Điều 32 khoản 3 (đại biểu chính thức, đại biểu dự khuyết; ủy viên ban chấp hành triệu tập là đại biểu chính thức)", "party.delegate-standing"),
    B_124("B-124", Severity.ERROR, "QĐ 244-QĐ/TW, Điều 19 khoản 9 (bầu cấp ủy trước, bí thư trong số cấp ủy viên)", "party.delegates-committee-seats-required"),
    B_125("B-125", Severity.ERROR, "QĐ 244-QĐ/TW, Điều 32 khoản 3 (đại biểu dự khuyết thay đại biểu chính thức vắng mặt)", "party.alternate-invalid"),
    B_126("B-126", Severity.ERROR, "QĐ 244-QĐ/TW, Điều 32 khoản 3 (ủy viên ban chấp hành triệu tập vắng mặt cả đại hội được trừ, không có người thay)", "party.alternate-for-convening-committee"),
    C_101("C-101", Severity.ERROR, "Luật 85/2015/QH13, Điều 5 khoản 2 (ngày bầu cử là ngày chủ nhật)", "calendar.not-sunday"),
    C_102("C-102", Severity.ERROR, "Bộ luật Lao động 2019, Điều 112 (ngày nghỉ lễ, tết); bảng ngày nghỉ do Chính phủ công bố", "calendar.holiday-table-missing"),
    D_101("D-101", Severity.ERROR, "Luật 85/2015/QH13, Điều 71 khoản 2 (tổ bầu cử khai mạc)", "polling.opened-by-required"),
    D_102("D-102", Severity.ERROR, "Luật 85/2015/QH13, Điều 71 khoản 2 (kiểm tra hòm phiếu trước khi bỏ phiếu)", "polling.box-not-shown"),
    D_103("D-103", Severity.ERROR, "Luật 85/2015/QH13, Điều 72 (bỏ phiếu sớm hoặc hoãn theo quyết định của HĐBCQG)", "polling.other-day-needs-decision"),
    D_104("D-104", Severity.ERROR, "Luật 85/2015/QH13, Điều 69 (số cử tri đã bỏ phiếu ≤ danh sách cử tri)", "polling.voted-above-electorate"),
    D_105("D-105", Severity.ERROR, "— (số cử tri đã bỏ phiếu chỉ tăng trong ngày)", "polling.turnout-not-rising"),
    D_106("D-106", Severity.ERROR, "Luật 85/2015/QH13, Điều 71", "polling.closed-before-opened"),
    D_107("D-107", Severity.ERROR, "Kế hoạch báo cáo tiến độ bỏ phiếu của tỉnh (các mốc báo cáo)", "polling.slot-unknown"),
    D_108("D-108", Severity.ERROR, "Luật 85/2015/QH13, Điều 71 (báo cáo sau khi khai mạc)", "polling.report-before-opening"),
    D_109("D-109", Severity.ERROR, "Kế hoạch báo cáo tiến độ bỏ phiếu của tỉnh", "polling.times-required"),
    D_110("D-110", Severity.ERROR, "Luật 85/2015/QH13, Điều 71 khoản 1 (không trước 5 giờ, không quá 21 giờ)", "polling.time-outside-hours"),
    D_111("D-111", Severity.ERROR, "Luật 85/2015/QH13, Điều 71 khoản 3 (niêm phong, báo cáo, tiếp tục bỏ phiếu)", "polling.interruption-incomplete"),
    D_112("D-112", Severity.ERROR, "Luật 10/2022/QH15, Điều 18 (hội nghị của thôn, tổ dân phố)", "polling.meeting-only-villages"),
    D_113("D-113", Severity.ERROR, "Luật 85/2015/QH13, Điều 71 khoản 1; law.md §2.8 (mặc định: không kết thúc trước 19 giờ)", "polling.closed-early"),
    E_001("E-001", Severity.ERROR, "contracts/contest-evaluation.md (trường bắt buộc)", "evaluation.required"),
    E_002("E-002", Severity.ERROR, "contracts/contest-evaluation.md", "evaluation.seats-positive"),
    E_003("E-003", Severity.ERROR, "contracts/contest-evaluation.md", "evaluation.negative"),
    E_004("E-004", Severity.ERROR, "contracts/contest-evaluation.md", "evaluation.ballot-figure-required"),
    E_005("E-005", Severity.ERROR, "contracts/contest-evaluation.md", "evaluation.candidates-required"),
    E_006("E-006", Severity.ERROR, "contracts/contest-evaluation.md (phần tử của danh sách)", "evaluation.required"),
    E_007("E-007", Severity.ERROR, "contracts/contest-evaluation.md", "evaluation.duplicate-id"),
    E_008("E-008", Severity.ERROR, "—", "evaluation.unknown-value"),
    E_009("E-009", Severity.ERROR, "—", "evaluation.bad-date"),
    E_010("E-010", Severity.ERROR, "—", "evaluation.not-a-number"),
    E_201("E-201", Severity.ERROR, "Luật 85/2015/QH13, Điều 78 khoản 4 (bằng phiếu: người nhiều tuổi hơn trúng cử)", "evaluation.tie-needs-birth-date"),
    F_101("F-101", Severity.ERROR, "contracts/voter-list-format.md", "file.empty"),
    F_102("F-102", Severity.ERROR, "contracts/voter-list-format.md", "file.not-utf8"),
    F_103("F-103", Severity.ERROR, "contracts/voter-list-format.md", "file.binary"),
    F_104("F-104", Severity.ERROR, "contracts/voter-list-format.md", "file.unreadable"),
    F_105("F-105", Severity.ERROR, "contracts/voter-list-format.md", "file.too-many-rows"),
    F_106("F-106", Severity.ERROR, "contracts/voter-list-format.md", "file.no-rows"),
    F_107("F-107", Severity.ERROR, "contracts/voter-list-format.md", "voter.column-missing"),
    F_108("F-108", Severity.ERROR, "contracts/voter-list-format.md (zip bomb)", "file.zip-bomb"),
    G_200("G-200", Severity.ERROR, "—", "village.import.missing-column"),
    G_201("G-201", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 2 (thôn thuộc xã)", "village.commune-unknown"),
    G_202("G-202", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 7 (tên thôn)", "village.name-required"),
    G_203("G-203", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 2 (thôn, tổ dân phố)", "village.kind-unknown"),
    G_204("G-204", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 7 (quy mô số hộ)", "village.households-invalid"),
    G_205("G-205", Severity.ERROR, "—", "village.import.duplicate-in-file"),
    G_206("G-206", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 7 (không trùng tên trong xã)", "village.name-taken"),
    G_207("G-207", Severity.ERROR, "Phân quyền: xã quản lý thôn của mình", "village.commune-out-of-scope"),
    G_208("G-208", Severity.ERROR, "—", "village.name-too-long"),
    G_210("G-210", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 8 (sáp nhập thôn)", "village.merge-needs-two"),
    G_211("G-211", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 8 (sáp nhập thôn trong một xã)", "village.merge-same-commune"),
    G_212("G-212", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 8 (chia tách thôn)", "village.split-needs-two"),
    H_101("H-101", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 8 (công nhận người trúng cử theo biên bản)", "recognition.not-elected"),
    H_102("H-102", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 8 (số, ngày của quyết định)", "recognition.decision-required"),
    H_103("H-103", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 8 (quyết định sau ngày bầu)", "recognition.date-invalid"),
    H_104("H-104", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 8 (bầu lại khi không ai trúng cử)", "follow-up.not-needed"),
    H_105("H-105", Severity.ERROR, "Luật 85/2015/QH13 (sửa đổi 2025), Điều 79 khoản 2, Điều 80 khoản 2 (chậm nhất 7 ngày)", "follow-up.too-late"),
    H_106("H-106", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 9 khoản 3 (trưởng thôn lâm thời khi khuyết)", "interim.not-vacant"),
    H_107("H-107", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 9 khoản 3 (quyết định của UBND xã)", "interim.decision-required"),
    H_108("H-108", Severity.ERROR, "TT 04/2012/TT-BNV (sửa đổi bởi TT 09/2017, TT 14/2018): lâm thời không quá 6 tháng", "interim.too-long"),
    H_109("H-109", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 9 khoản 3 (thống nhất với Mặt trận Tổ quốc xã)", "interim.front-agreement"),
    H_110("H-110", Severity.ERROR, "Luật 85/2015/QH13, Điều 79 khoản 1 (HĐBCQG xem xét, quyết định việc bầu cử thêm ĐBQH); Điều 79 khoản 2, Điều 80 (bắt buộc)", "follow-up.must-be-held"),
    H_111("H-111", Severity.ERROR, "Luật 85/2015/QH13, Điều 79 khoản 1 (số, ngày của quyết định và lý do)", "follow-up.decision-required"),
    K_100("K-100", Severity.ERROR, "Luật 85/2015/QH13, Điều 35 (hồ sơ ứng cử: họ tên)", "candidate.name-required"),
    K_101("K-101", Severity.ERROR, "Luật 85/2015/QH13, Điều 2; TT 04/2012/TT-BNV, Điều 11 (đủ 21 tuổi)", "candidate.too-young"),
    K_102("K-102", Severity.ERROR, "Luật 85/2015/QH13, Điều 57 khoản 5 (chỉ ở một đơn vị bầu cử ĐBQH)", "candidate.second-na-unit"),
    K_103("K-103", Severity.ERROR, "Luật 85/2015/QH13, Điều 36 khoản 3 (không quá hai cấp HĐND)", "candidate.too-many-levels"),
    K_104("K-104", Severity.ERROR, "Luật 85/2015/QH13, Điều 36 (một lần trong một danh sách)", "candidate.already-in-contest"),
    K_105("K-105", Severity.ERROR, "Luật 85/2015/QH13, Điều 37 (những người không được ứng cử)", "candidate.excluded."),
    K_106("K-106", Severity.ERROR, "TT 04/2012/TT-BNV, Điều 11 (thường trú và sinh sống ở thôn)", "candidate.not-resident"),
    K_107("K-107", Severity.ERROR, "Luật Căn cước 2023, Điều 12", "candidate.personal-id-invalid"),
    K_108("K-108", Severity.ERROR, "Luật 85/2015/QH13, Điều 60 (xóa tên khỏi danh sách có lý do)", "candidate.reason-required"),
    K_109("K-109", Severity.ERROR, "Luật 85/2015/QH13, Điều 35 (hồ sơ ứng cử)", "candidate.document-invalid"),
    K_110("K-110", Severity.ERROR, "NQ 101/2025/UBTVQH15 (hội nghị hiệp thương)", "consultation.attendance-invalid"),
    K_111("K-111", Severity.ERROR, "Luật 85/2015/QH13, Điều 38–56 (ba lần hiệp thương theo thứ tự)", "consultation.previous-missing"),
    K_112("K-112", Severity.ERROR, "Luật 85/2015/QH13, Điều 38, 50 (hiệp thương lần 1: cơ cấu, số lượng)", "consultation.round-one-no-list"),
    K_113("K-113", Severity.ERROR, "Luật 85/2015/QH13, Điều 48, 57 (hiệp thương lần 3 từ danh sách sơ bộ)", "consultation.not-in-preliminary"),
    K_114("K-114", Severity.ERROR, "Luật 85/2015/QH13, Điều 45, 54 (lấy ý kiến cử tri nơi cư trú)", "consultation.no-voter-conference"),
    K_115("K-115", Severity.ERROR, "Hướng dẫn UBTVQH 2021: tín nhiệm trên 50% cử tri có mặt (law.md §2.6)", "consultation.not-trusted"),
    K_116("K-116", Severity.ERROR, "—", "consultation.id-missing"),
    K_117("K-117", Severity.ERROR, "Luật 85/2015/QH13, Điều 38–56 (hiệp thương của từng cấp)", "consultation.other-unit"),
    K_118("K-118", Severity.ERROR, "Luật 85/2015/QH13, Điều 60", "consultation.inactive"),
    K_119("K-119", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 6 khoản 2 (thống nhất với chi ủy)", "front-meeting.agreement-date-required"),
    K_120("K-120", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 6, Mẫu 05 (chỉ cho bầu trưởng thôn)", "front-meeting.not-village"),
    K_121("K-121", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 6 (trước ngày bầu)", "front-meeting.after-election"),
    K_122("K-122", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 6 khoản 2 (ít nhất 1 người)", "front-meeting.no-candidate"),
    K_123("K-123", Severity.ERROR, "NQLT 09/2008 (1–2 người); NĐ 59/2023 (không giới hạn)", "list.too-many"),
    K_124("K-124", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 6, Mẫu 05", "candidate.front-meeting-required"),
    K_125("K-125", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 6 khoản 2 (thống nhất với chi ủy chi bộ)", "candidate.cell-agreement-required"),
    K_126("K-126", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 3 khoản 5 điểm b (ứng cử, đề cử tại hội nghị)", "candidate.floor-at-meeting"),
    K_127("K-127", Severity.ERROR, "Luật 85/2015/QH13, Điều 48, 57 (danh sách chính thức từ hiệp thương lần 3)", "candidate.third-consultation-required"),
    K_128("K-128", Severity.ERROR, "Luật 85/2015/QH13, Điều 61 (niêm yết danh sách người ứng cử)", "voter.posted-on-future"),
    K_132("K-132", Severity.ERROR, "Luật 85/2015/QH13, Điều 38–56 (ba lần hiệp thương)", "consultation.round-invalid"),
    K_133("K-133", Severity.ERROR, "—", "consultation.not-of-election"),
    K_134("K-134", Severity.ERROR, "—", "front-meeting.not-of-contest"),
    K_135("K-135", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Mẫu 05 (biên bản gửi sau cuộc họp)", "front-meeting.sent-before-meeting"),
    K_136("K-136", Severity.ERROR, "Luật 85/2015/QH13, Điều 35 (hồ sơ ứng cử: ngày sinh)", "candidate.birth-date-required"),
    K_137("K-137", Severity.ERROR, "Luật 85/2015/QH13, Điều 35 (hồ sơ ứng cử: giới tính)", "candidate.sex-invalid"),
    K_138("K-138", Severity.ERROR, "Luật 85/2015/QH13, Điều 35, 43 (được giới thiệu hoặc tự ứng cử)", "candidate.source-invalid"),
    K_139("K-139", Severity.ERROR, "Luật 85/2015/QH13, Điều 37", "evaluation.unknown-value"),
    L_101("L-101", Severity.ERROR, "Luật 85/2015/QH13, Điều 10 khoản 4 (ĐBQH ≤ 3, HĐND ≤ 5 mỗi đơn vị)", "list.seats-above-cap"),
    L_102("L-102", Severity.ERROR, "Luật 85/2015/QH13, Điều 57 khoản 6, Điều 58 khoản 3 (số dư tối thiểu)", "list.too-few"),
    L_103("L-103", Severity.ERROR, "Luật 85/2015/QH13, Điều 57, 58", "list.too-many"),
    L_201("L-201", Severity.ERROR, "— (trường bắt buộc)", "election.required"),
    L_202("L-202", Severity.ERROR, "Luật 85/2015/QH13; Luật 10/2022/QH15 (bộ quy tắc theo loại bầu cử)", "election.rule-set-mismatch"),
    L_203("L-203", Severity.ERROR, "Hiến pháp 2013, Điều 71, 113 (nhiệm kỳ 5 năm); TT 04/2012, Điều 12", "election.term-invalid"),
    L_204("L-204", Severity.ERROR, "Luật 85/2015/QH13 sửa đổi 2025 (HĐND tỉnh, xã)", "election.council-level"),
    L_205("L-205", Severity.ERROR, "—", "election.no-contests"),
    L_206("L-206", Severity.ERROR, "—", "election.deadline-code-invalid"),
    L_207("L-207", Severity.ERROR, "—", "election.deadline-code-taken"),
    L_208("L-208", Severity.ERROR, "—", "election.done-in-future"),
    L_209("L-209", Severity.ERROR, "NĐ 59/2023/NĐ-CP, Điều 8 (bầu lại sau ngày bầu)", "election.follow-up-day"),
    L_210("L-210", Severity.ERROR, "Quyết định 190-QĐ/TW (bầu cử trong Đảng do cấp ủy tiến hành)", "election.party-cell-in-party-module"),
    M_101("M-101", Severity.ERROR, "Luật 85/2015/QH13, Điều 75 (số cử tri đi bầu ≤ tổng số cử tri)", "minutes.participants-above-electorate"),
    M_102("M-102", Severity.ERROR, "Luật 85/2015/QH13, Điều 75 (phiếu hợp lệ + không hợp lệ = phiếu thu vào)", "minutes.valid-invalid-above-returned"),
    M_103("M-103", Severity.ERROR, "Luật 85/2015/QH13, Điều 75 (phiếu thu vào ≤ phiếu phát ra)", "minutes.returned-above-issued"),
    M_104("M-104", Severity.ERROR, "Luật 85/2015/QH13, Điều 75 (phiếu của mỗi người ≤ phiếu hợp lệ)", "minutes.votes-above-valid"),
    M_105("M-105", Severity.ERROR, "Luật 85/2015/QH13, Điều 74–75 (tổng phiếu ≤ phiếu hợp lệ × số ghế)", "minutes.total-above-valid-times-seats"),
    M_106("M-106", Severity.ERROR, "Luật 85/2015/QH13, Điều 74–75", "minutes.total-above-participants-times-seats"),
    M_107("M-107", Severity.ERROR, "Luật 85/2015/QH13, Điều 75", "minutes.votes-above-participants"),
    M_108("M-108", Severity.ERROR, "Luật 85/2015/QH13, Điều 29–30", "minutes.excluded-above-electorate"),
    M_110("M-110", Severity.ERROR, "Luật 85/2015/QH13, Điều 76 khoản 2 (số phiếu bầu cho từng người ứng cử)", "minutes.name-missing"),
    M_111("M-111", Severity.ERROR, "Luật 85/2015/QH13, Điều 74 khoản 1 (chỉ những tên in trên phiếu bầu)", "minutes.name-not-on-ballot"),
    M_112("M-112", Severity.ERROR, "Luật 85/2015/QH13, Điều 74 khoản 2; ADR 0006 (tên bị xóa sau khi in phiếu: không tính phiếu)", "minutes.struck-name-has-votes"),
    M_113("M-113", Severity.ERROR, "Luật 85/2015/QH13, Điều 29–34 (danh sách cử tri đến ngày bầu cử); Luật 10/2022/QH15, Điều 20 khoản 2 (tổng số hộ)", "minutes.electorate-not-list"),
    M_114("M-114", Severity.ERROR, "Luật 85/2015/QH13, Điều 29 (mỗi khu vực bỏ phiếu có danh sách cử tri)", "minutes.no-voter-list"),
    M_115("M-115", Severity.ERROR, "Luật 85/2015/QH13, Điều 75, 76 khoản 2 (khiếu nại đã giải quyết, chuyển ban bầu cử)", "minutes.complaints-above-received"),
    M_116("M-116", Severity.ERROR, "Luật 10/2022/QH15, Điều 20 khoản 2 (số hộ không có đại diện)", "minutes.unrepresented-invalid"),
    M_117("M-117", Severity.ERROR, "Luật 85/2015/QH13, Điều 76 (biên bản của từng khu vực bỏ phiếu)", "minutes.polling-area-required"),
    M_118("M-118", Severity.ERROR, "Luật 85/2015/QH13, Điều 11 (khu vực bỏ phiếu thuộc đơn vị bầu cử)", "minutes.polling-area-not-in-contest"),
    M_119("M-119", Severity.ERROR, "Luật 85/2015/QH13, Điều 1, 69 (bỏ phiếu kín); Luật 10/2022/QH15, Điều 18 khoản 4 điểm d; NĐ 59/2023/NĐ-CP, Điều 3 khoản 5", "minutes.method-not-allowed"),
    M_120("M-120", Severity.ERROR, "Luật 85/2015/QH13, Điều 76 (biên bản của hội nghị thôn không gắn khu vực bỏ phiếu)", "minutes.polling-area-not-for-village"),
    M_121("M-121", Severity.ERROR, "Luật 85/2015/QH13, Điều 76 (biên bản đã chứng nhận chỉ sửa bằng phiên bản mới có lý do)", "counting.correction-reason"),
    M_122("M-122", Severity.ERROR, "Luật 85/2015/QH13, Điều 75, 81 (quyết định của cơ quan có thẩm quyền)", "counting.correction-decision"),
    M_123("M-123", Severity.ERROR, "Luật 85/2015/QH13, Điều 76 (bản giấy có chữ ký; ảnh JPEG hoặc bản quét PDF)", "counting.scan-type"),
    M_124("M-124", Severity.ERROR, "— (mẫu Excel của xã: mỗi trang là một cuộc bầu của xã)", "counting.xlsx.unknown-sheet"),
    O_101("O-101", Severity.ERROR, "Luật 85/2015/QH13, Điều 12, 22–25 (số thành viên tối thiểu)", "body.too-few"),
    O_102("O-102", Severity.ERROR, "Luật 85/2015/QH13, Điều 12, 22–25 (số thành viên tối đa)", "body.too-many"),
    O_103("O-103", Severity.ERROR, "Luật 85/2015/QH13, Điều 22–25 (một chủ tịch hoặc trưởng)", "body.one-chair"),
    O_104("O-104", Severity.ERROR, "—", "body.member-name-required"),
    O_105("O-105", Severity.ERROR, "—", "body.member-role-unknown"),
    O_201("O-201", Severity.WARNING, "Luật 85/2015/QH13, Điều 22–25 (thời hạn thành lập)", "body.formed-late"),
    O_202("O-202", Severity.WARNING, "Luật 85/2015/QH13, Điều 22–25", "body.no-decision-yet"),
    O_301("O-301", Severity.ERROR, "Luật 85/2015/QH13, Điều 27 (người ứng cử không làm thành viên tổ chức phụ trách bầu cử ở nơi mình ứng cử)", "body.member-is-candidate"),
    P_400("P-400", Severity.ERROR, "— (tham số sai kiểu)", "problem.bad-parameter"),
    P_401("P-401", Severity.ERROR, "— (thiếu tham số)", "problem.missing-parameter"),
    P_402("P-402", Severity.ERROR, "— (trường không hợp lệ)", "problem.invalid-field"),
    P_403("P-403", Severity.ERROR, "RFC 9110, mục 13.1.1 (If-Match)", "problem.bad-if-match"),
    P_404("P-404", Severity.ERROR, "— (Idempotency-Key: một UUID cho mỗi lần gửi)", "problem.idempotency-key"),
    P_405("P-405", Severity.ERROR, "— (không phải số)", "cand.page.number-invalid"),
    P_406("P-406", Severity.ERROR, "— (không phải ngày)", "cand.page.date-invalid"),
    Q_101("Q-101", Severity.WARNING, "Luật 85/2015/QH13, Điều 8 khoản 3 (ít nhất 35% nữ)", "composition.women-below-quota"),
    Q_102("Q-102", Severity.WARNING, "Luật 85/2015/QH13, Điều 8 khoản 2 (ít nhất 18% dân tộc thiểu số)", "composition.minority-below-quota"),
    Q_201("Q-201", Severity.ERROR, "Luật 85/2015/QH13, Điều 8–9 (cơ cấu, thành phần dự kiến)", "composition.below-plan"),
    Q_202("Q-202", Severity.ERROR, "—", "composition.plan-item-unknown"),
    Q_203("Q-203", Severity.ERROR, "—", "composition.plan-target-invalid"),
    R_101("R-101", Severity.ERROR, "Nghị quyết công bố đơn vị bầu cử (Luật 85/2015/QH13, Điều 10 khoản 2)", "resolution.no-province"),
    R_102("R-102", Severity.ERROR, "Luật 85/2015/QH13, Điều 10", "resolution.communes-outside-unit"),
    R_103("R-103", Severity.ERROR, "Luật 85/2015/QH13, Điều 10", "resolution.unit-without-communes"),
    R_104("R-104", Severity.ERROR, "Luật 85/2015/QH13, Điều 10", "resolution.no-commune-type"),
    R_105("R-105", Severity.ERROR, "Luật 85/2015/QH13, Điều 10", "resolution.bad-number"),
    R_200("R-200", Severity.ERROR, "Luật 85/2015/QH13, Điều 10", "resolution.province-unknown"),
    R_201("R-201", Severity.ERROR, "Luật 85/2015/QH13, Điều 10 (đơn vị bầu cử gồm các xã của tỉnh)", "resolution.commune-not-in-province", "resolution.commune-unknown"),
    R_202("R-202", Severity.ERROR, "Luật 85/2015/QH13, Điều 10", "resolution.commune-ambiguous"),
    R_203("R-203", Severity.ERROR, "Luật 85/2015/QH13, Điều 10 (mỗi xã ở một đơn vị)", "resolution.commune-in-two-units"),
    R_204("R-204", Severity.ERROR, "Luật 85/2015/QH13, Điều 10 (các đơn vị phủ kín tỉnh)", "resolution.communes-uncovered"),
    R_205("R-205", Severity.ERROR, "Luật 85/2015/QH13, Điều 10 khoản 2", "resolution.unit-count-mismatch"),
    R_206("R-206", Severity.ERROR, "Luật 85/2015/QH13, Điều 10 khoản 2", "resolution.seat-count-mismatch"),
    R_207("R-207", Severity.ERROR, "Phân quyền: tỉnh xác định đơn vị bầu cử của mình", "resolution.province-out-of-scope"),
    R_208("R-208", Severity.ERROR, "Luật 10/2022/QH15 (bầu trưởng thôn không có đơn vị bầu cử)", "election.no-units-for-kind"),
    R_209("R-209", Severity.ERROR, "Luật 85/2015/QH13, Điều 10", "resolution.unit-number-twice"),
    R_210("R-210", Severity.ERROR, "Luật 85/2015/QH13, Điều 10 khoản 4 (ĐBQH ≤ 3, HĐND ≤ 5 mỗi đơn vị)", "resolution.seats-above-cap"),
    SCOPE_001("SCOPE-001", Severity.ERROR, "Phạm vi của cuộc bầu cử (quyết định tổ chức bầu cử)", "problem.outside-election-scope"),
    U_101("U-101", Severity.ERROR, "—", "user.unit-required"),
    U_102("U-102", Severity.ERROR, "—", "user.username-invalid"),
    U_103("U-103", Severity.ERROR, "—", "user.full-name-required"),
    U_104("U-104", Severity.ERROR, "—", "user.role-unknown"),
    U_105("U-105", Severity.ERROR, "—", "user.password-too-short"),
    U_106("U-106", Severity.ERROR, "Phân quyền: thành viên tổ bầu cử của một khu vực bỏ phiếu trong xã", "user.polling-area-invalid"),
    V_200("V-200", Severity.ERROR, "—", "cand.page.conference-incomplete"),
    V_201("V-201", Severity.ERROR, "NQ 101/2025/UBTVQH15 (hội nghị cử tri)", "conference.present-above-voters"),
    V_202("V-202", Severity.ERROR, "NQ 1186/2021/UBTVQH14, Điều 1 khoản 3, Điều 2 khoản 3 (số cử tri tham dự tối thiểu)", "conference.too-few"),
    V_203("V-203", Severity.ERROR, "NQ 101/2025/UBTVQH15", "conference.trust-above-present"),
    W_101("W-101", Severity.WARNING, "Luật 85/2015/QH13, Điều 75 (phiếu thu vào nhiều hơn số cử tri đi bầu)", "minutes.returned-above-participants"),
    W_102("W-102", Severity.WARNING, "Mặc định có ghi chép (law.md §2.9): phiếu không hợp lệ từ 3% số phiếu thu vào", "minutes.many-invalid"),
    W_103("W-103", Severity.WARNING, "Mặc định có ghi chép: 100% cử tri đi bầu cần giải trình", "minutes.turnout-complete"),
    W_104("W-104", Severity.WARNING, "Luật 85/2015/QH13, Điều 73 (phiếu thu vào ít hơn phiếu phát ra)", "minutes.returned-below-issued"),
    W_105("W-105", Severity.WARNING, "Luật 85/2015/QH13, Điều 78 khoản 1, Điều 80; NQLT 09/2008, Điều 8 khoản 1 (không quá một nửa tham gia)", "minutes.turnout-half-or-less"),
    W_120("W-120", Severity.WARNING, "NĐ 59/2023/NĐ-CP, Điều 6 (thời hạn họp ban công tác Mặt trận)", "front-meeting.late"),
    W_121("W-121", Severity.WARNING, "NĐ 59/2023/NĐ-CP, Điều 6 khoản 2", "front-meeting.cell-not-agreed"),
    BIRTH_DATE_INVALID("BIRTH_DATE_INVALID", Severity.ERROR, "contracts/voter-list-format.md", "voter.birth-date-invalid"),
    BIRTH_MONTH_UNKNOWN("BIRTH_MONTH_UNKNOWN", Severity.WARNING, "Luật 85/2015/QH13, Điều 2; ngày sinh không rõ tháng (law.md §2.7)", "voter.birth-month-unknown"),
    COMPLAINT_ANSWER_INVALID("COMPLAINT_ANSWER_INVALID", Severity.ERROR, "Luật 85/2015/QH13, Điều 33", "voter.complaint-answer"),
    COMPLAINT_ENTRY_OTHER_LIST("COMPLAINT_ENTRY_OTHER_LIST", Severity.ERROR, "Luật 85/2015/QH13, Điều 33 (khiếu nại về danh sách đã niêm yết)", "voter.complaint-entry-other-list"),
    COMPLAINT_INCOMPLETE("COMPLAINT_INCOMPLETE", Severity.ERROR, "Luật 85/2015/QH13, Điều 33", "voter.complaint-incomplete"),
    COMPLAINT_LATE("COMPLAINT_LATE", Severity.ERROR, "Luật 85/2015/QH13, Điều 33 khoản 1 (trong 30 ngày kể từ ngày niêm yết)", "voter.complaint-late"),
    DATE_REQUIRED("DATE_REQUIRED", Severity.ERROR, "—", "voter.page.date-required"),
    ETHNICITY_UNKNOWN("ETHNICITY_UNKNOWN", Severity.ERROR, "Danh mục 54 dân tộc Việt Nam (QĐ 121-TCTK/PPCĐ)", "voter.ethnicity-unknown"),
    HOUSEHOLDS_DIFFER("HOUSEHOLDS_DIFFER", Severity.WARNING, "NĐ 59/2023/NĐ-CP, Điều 6 (danh sách hộ gia đình của thôn)", "voter.households-differ"),
    HOUSEHOLD_NO_REPRESENTATIVE("HOUSEHOLD_NO_REPRESENTATIVE", Severity.ERROR, "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 18", "voter.household-none"),
    HOUSEHOLD_REQUIRED("HOUSEHOLD_REQUIRED", Severity.ERROR, "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 18 (đại diện hộ gia đình)", "voter.household-required"),
    HOUSEHOLD_TWO_REPRESENTATIVES("HOUSEHOLD_TWO_REPRESENTATIVES", Severity.ERROR, "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 18–19 (một đại diện, một phiếu mỗi hộ)", "voter.household-two"),
    NAME_LENGTH("NAME_LENGTH", Severity.ERROR, "contracts/voter-list-format.md (2–100 ký tự)", "voter.name-length"),
    NAME_REQUIRED("NAME_REQUIRED", Severity.ERROR, "Luật 85/2015/QH13, Điều 31 (họ tên cử tri)", "voter.name-required"),
    PERSONAL_ID_DUPLICATE("PERSONAL_ID_DUPLICATE", Severity.ERROR, "Luật 85/2015/QH13, Điều 29 khoản 2 (mỗi người chỉ được ghi tên một lần)", "voter.id-duplicate"),
    PERSONAL_ID_INVALID("PERSONAL_ID_INVALID", Severity.ERROR, "Luật Căn cước 2023, Điều 12 (số định danh 12 chữ số)", "voter.id-invalid"),
    PERSONAL_ID_IN_OTHER_LIST("PERSONAL_ID_IN_OTHER_LIST", Severity.ERROR, "Luật 85/2015/QH13, Điều 29 khoản 2 (chỉ được ghi tên vào một danh sách)", "voter.id-other-list", "voter.id-other-list-where", "voter.other-list-more"),
    PERSONAL_ID_MISMATCH("PERSONAL_ID_MISMATCH", Severity.ERROR, "NĐ 137/2015/NĐ-CP, Điều 7 (mã tỉnh, thế kỷ và giới tính, năm sinh)", "voter.id-mismatch."),
    PERSONAL_ID_REQUIRED("PERSONAL_ID_REQUIRED", Severity.ERROR, "Luật Căn cước 2023, Điều 12; contracts/voter-list-format.md", "voter.id-required"),
    POSTED_ON_FUTURE("POSTED_ON_FUTURE", Severity.ERROR, "Luật 85/2015/QH13, Điều 32 (ngày niêm yết đã diễn ra)", "voter.posted-on-future"),
    POSTED_ON_REQUIRED("POSTED_ON_REQUIRED", Severity.ERROR, "Luật 85/2015/QH13, Điều 32", "voter.posted-on-required"),
    REASON_UNKNOWN("REASON_UNKNOWN", Severity.ERROR, "Luật 85/2015/QH13, Điều 29 khoản 4, Điều 30 (lý do xóa tên, thêm tên, hạn chế)", "voter.reason-unknown"),
    SEX_INVALID("SEX_INVALID", Severity.ERROR, "contracts/voter-list-format.md", "voter.sex-invalid"),
    TARGET_REQUIRED("TARGET_REQUIRED", Severity.ERROR, "—", "voter.page.target-required"),
    TRANSFER_OTHER_ELECTION("TRANSFER_OTHER_ELECTION", Severity.ERROR, "Luật 85/2015/QH13, Điều 29 khoản 4 (chuyển nơi cư trú trong cùng cuộc bầu cử)", "voter.transfer-election"),
    TRANSFER_TO_HOUSEHOLDS("TRANSFER_TO_HOUSEHOLDS", Severity.ERROR, "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 18 (danh sách đại diện hộ)", "voter.transfer-households"),
    VOTER_TOO_YOUNG("VOTER_TOO_YOUNG", Severity.ERROR, "Luật 85/2015/QH13, Điều 2 (đủ 18 tuổi đến ngày bầu cử)", "voter.too-young");

    /** Whether the problem blocks (an error) or asks for a written explanation (a warning). */
    public enum Severity { ERROR, WARNING }

    private final String code;
    private final Severity severity;
    private final String legalBasis;
    private final List<String> messageKeys;

    ViolationCode(String code, Severity severity, String legalBasis, String... messageKeys) {
        this.code = code;
        this.severity = severity;
        this.legalBasis = legalBasis;
        this.messageKeys = List.of(messageKeys);
    }

    private static final Map<String, ViolationCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ViolationCode::code, Function.identity()));

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** The message key (the first) and its variants; a key ending in "." is a prefix the caller completes. */
    public List<String> messageKeys() {
        return messageKeys;
    }

    public static Optional<ViolationCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Whether {@code messageKey} is this code's message (or a variant, or completes its prefix). */
    public boolean hasMessage(String messageKey) {
        return messageKey != null && messageKeys.stream().anyMatch(k -> k.endsWith(".") ? messageKey.startsWith(k)
                : k.equals(messageKey));
    }

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+\\.?");

    /** Whether the text is a message key (rather than a message already rendered). */
    public static boolean looksLikeKey(String text) {
        return text != null && KEY.matcher(text).matches();
    }

    /**
     * Refuses a code that is not in the catalogue, or one used with another code's message: the check every
     * violation, finding and import issue passes when it is made.
     */
    public static ViolationCode require(String code, String messageKey) {
        ViolationCode c = BY_CODE.get(code);
        if (c == null) {
            throw new IllegalArgumentException("violation code " + code + " is not in the catalogue (ViolationCode)");
        }
        if (messageKey != null && !c.hasMessage(messageKey)) {
            throw new IllegalArgumentException("violation code " + code + " means " + c.messageKeys + ", not " + messageKey);
        }
        return c;
    }
}
