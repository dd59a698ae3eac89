package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.baucu.support.BaucuIntegrationTest;

/** POST /api/v1/voter-lists/validate against the defects listed in contracts/voter-list-format.md. */
@BaucuIntegrationTest
class VoterListValidationIT {

    static final String NA = "NATIONAL_ASSEMBLY_2025";

    @Autowired
    MockMvc mvc;

    private ResultActions validate(byte[] bytes, String name, String ruleSet) throws Exception {
        return mvc.perform(multipart("/api/v1/voter-lists/validate").file(new MockMultipartFile("file", name, "text/csv", bytes))
                .param("ruleSet", ruleSet).param("electionDay", "2026-03-15").with(httpBasic("admin", "admin-test-password")));
    }

    @Test
    void everyRowDefectIsReportedWithItsRowAndColumn() throws Exception {
        String csv = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Dân tộc\n"
                + "Nguyễn Văn An,15/03/2008,Nam,022208000001,Kinh\n"       // row 2: 18 on the day: fine
                + "Trần Thị Bình,16/03/2008,Nữ,022308000002,Kinh\n"        // row 3: one day too young
                + "Lê Văn Cường,1975,Nam,022075000003,Khmer\n"             // row 4: only the year: warning
                + "Phạm Văn Dũng,31/02/1980,Nam,022080000004,Kinh\n"        // row 5: no such date
                + "Hoàng Thị Em,01/01/1990,Nam,022190000005,Kinh\n"         // row 6: id says woman, column says man
                + ",,,,\n"                                                  // row 7: empty: skipped
                + "Vũ Văn Phong,02/02/1985,Nam,022208000001,Marsian\n";     // row 8: duplicate id, unknown ethnicity
        validate(csv.getBytes(StandardCharsets.UTF_8), "ds.csv", NA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", is(6)))
                .andExpect(jsonPath("$.rejected", is(4)))
                .andExpect(jsonPath("$.accepted", is(2)))
                .andExpect(jsonPath("$.warnings", is(1)))
                .andExpect(jsonPath("$.errors[?(@.row == 3)].code").value(hasItem("VOTER_TOO_YOUNG")))
                .andExpect(jsonPath("$.errors[?(@.row == 4)].code").value(hasItem("BIRTH_MONTH_UNKNOWN")))
                .andExpect(jsonPath("$.errors[?(@.row == 5)].code").value(hasItem("BIRTH_DATE_INVALID")))
                .andExpect(jsonPath("$.errors[?(@.row == 6)].code").value(hasItem("PERSONAL_ID_MISMATCH")))
                .andExpect(jsonPath("$.errors[?(@.row == 8)].code").value(hasItem("PERSONAL_ID_DUPLICATE")))
                .andExpect(jsonPath("$.errors[?(@.row == 8)].code").value(hasItem("ETHNICITY_UNKNOWN")))
                .andExpect(jsonPath("$.errors[?(@.row == 8 && @.code == 'PERSONAL_ID_DUPLICATE')].column")
                        .value(hasItem("personal_id")))
                .andExpect(jsonPath("$.encoding.detected", is("UTF-8")));
    }

    @Test
    void theErrorFileKeepsTheFormatAndAddsAnErrorColumn() throws Exception {
        String csv = "Họ và tên;Ngày sinh;Giới tính;Số định danh cá nhân\n"
                + "Nguyễn Văn An;15/03/2008;Nam;022208000001\nTrần Thị Bình;16/03/2008;Nữ;022308000002\n";
        String body = mvc.perform(multipart("/api/v1/voter-lists/errors")
                        .file(new MockMultipartFile("file", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("ruleSet", NA).param("electionDay", "2026-03-15").with(httpBasic("admin", "admin-test-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFHọ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Lỗi");
        assertThat(body.lines()).hasSize(2);
        assertThat(body).contains("Trần Thị Bình").contains("VOTER_TOO_YOUNG").doesNotContain("Nguyễn Văn An");
    }

    @Test
    void theErrorFileNeverHandsASpreadsheetAFormula() throws Exception {
        // a name a spreadsheet would run (CSV injection): echoed with a leading apostrophe, so it shows literally
        String csv = "Họ và tên;Ngày sinh;Giới tính;Số định danh cá nhân\n"
                + "=HYPERLINK(\"http://x\",\"bấm\");16/03/2008;Nữ;022308000002\n@SUM(A1);01/01/1970;Nam;+84912\n";
        String body = mvc.perform(multipart("/api/v1/voter-lists/errors")
                        .file(new MockMultipartFile("file", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("ruleSet", NA).param("electionDay", "2026-03-15").with(httpBasic("admin", "admin-test-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.List<String> cells = new java.util.ArrayList<>();
        body.lines().skip(1).forEach(line -> cells.addAll(java.util.Arrays.asList(line.split(","))));
        assertThat(cells).isNotEmpty().noneMatch(c -> c.replace("\"", "").matches("^[=+\\-@].*"));
        assertThat(body).contains("'=HYPERLINK").contains("'@SUM(A1)").contains("'+84912");
    }

    @Test
    void aWindows1258FileIsDetectedAndConverted() throws Exception {
        String text = "Họ tên;Ngày sinh;Giới tính;Số CCCD\nNguyễn Thị Hoà;1/2/1970;Nữ;022170000010\n"
                + "Đặng Văn Tuấn;3/4/1971;Nam;022071000011\n";
        validate(windows1258(text), "cu.csv", NA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.encoding.detected", is("WINDOWS-1258")))
                .andExpect(jsonPath("$.encoding.convertedCells", is(7)))   // 4 header cells + 3 with Vietnamese letters
                .andExpect(jsonPath("$.accepted", is(2)));
    }

    @Test
    void aTcvn3FileSavedFromAnOldSpreadsheetIsDetectedAndConverted() throws Exception {
        // Typed in the .VnTime font and saved as CSV: each TCVN3 code is one byte.
        String text = "Hä vµ tªn;Ngµy sinh;Giíi tÝnh;Sè CCCD\nNguyÔn ThÞ Hoµ;1/2/1970;N÷;022170000010\n"
                + "§Æng V¨n TuÊn;3/4/1971;Nam;022071000011\n";
        validate(text.getBytes(StandardCharsets.ISO_8859_1), "tcvn3.csv", NA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.encoding.detected", is("TCVN3")))
                .andExpect(jsonPath("$.encoding.convertedCells", is(7)))   // 4 header cells, 2 names, "Nữ"
                .andExpect(jsonPath("$.accepted", is(2)))
                .andExpect(jsonPath("$.rejected", is(0)));
    }

    @Test
    void aVniSpreadsheetIsDetectedAndConverted() throws Exception {
        var out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "baucu", "1.0")) {
            Worksheet ws = wb.newWorksheet("DS");
            String[][] rows = {{"Hoï vaø teân", "Ngaøy sinh", "Giôùi tính", "Soá CCCD"},
                    {"Nguyeãn Thò Hoa", "1980-05-05", "Nöõ", "022180000030"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 4; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        validate(out.toByteArray(), "vni.xlsx", NA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.encoding.detected", is("VNI")))
                .andExpect(jsonPath("$.encoding.convertedCells", is(6)))   // 4 header cells, the name, "Nữ"
                .andExpect(jsonPath("$.accepted", is(1)));
    }

    @Test
    void decomposedUnicodeIsNormalisedAndCounted() throws Exception {
        String text = Normalizer.normalize("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n"
                + "Nguyễn Thị Hằng,1970-02-01,Nữ,022170000020\n", Normalizer.Form.NFD);
        validate(text.getBytes(StandardCharsets.UTF_8), "nfd.csv", NA)
                .andExpect(jsonPath("$.accepted", is(1)))
                .andExpect(jsonPath("$.encoding.convertedCells", is(6)));
    }

    @Test
    void villageListsNeedOneRepresentativePerHousehold() throws Exception {
        String csv = "Họ và tên,Ngày sinh,Giới tính,Mã hộ,Đại diện hộ\n"
                + "A Văn Một,1970,Nam,H1,x\n"
                + "B Thị Hai,1971,Nữ,H1,x\n"
                + "C Văn Ba,1972,Nam,H2,\n"
                + "D Thị Bốn,1973,Nữ,H3,có\n";
        validate(csv.getBytes(StandardCharsets.UTF_8), "thon.csv", "VILLAGE_HEAD_2023")
                .andExpect(jsonPath("$.households", is(3)))
                .andExpect(jsonPath("$.errors[?(@.row == 3)].code").value(hasItem("HOUSEHOLD_TWO_REPRESENTATIVES")))
                .andExpect(jsonPath("$.errors[?(@.row == 4)].code").value(hasItem("HOUSEHOLD_NO_REPRESENTATIVE")));
    }

    @Test
    void filesThatAreNotListsAreRejectedWhole() throws Exception {
        validate("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n".getBytes(StandardCharsets.UTF_8), "h.csv", NA)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("F-106")));
        validate(new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0}, "virus.csv", NA)
                .andExpect(status().isUnprocessableEntity());
        validate("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "x.csv", NA)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code").value(hasItem("F-107")));
    }

    @Test
    void anXlsxZipBombIsRejectedBeforeParsing() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);   // 40 MB of zeros deflate to a few dozen kB
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(200_000);
        validate(out.toByteArray(), "bomb.xlsx", NA)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("F-108")));
    }

    @Test
    void anXlsxListValidatesToo() throws Exception {
        var out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "baucu", "1.0")) {
            Worksheet ws = wb.newWorksheet("DS");
            String[][] rows = {{"full_name", "birth_date", "sex", "personal_id"}, {"Ngô Thị Lan", "1980-05-05", "F", "022180000030"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 4; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        validate(out.toByteArray(), "ds.xlsx", NA)
                .andExpect(jsonPath("$.accepted", is(1)))
                .andExpect(jsonPath("$.encoding.detected", is("XLSX")));
    }

    @Test
    void anXlsxUploadGetsAnXlsxErrorFile() throws Exception {
        var out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "baucu", "1.0")) {
            Worksheet ws = wb.newWorksheet("DS");
            String[][] rows = {{"Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân"},
                    {"Ngô Thị Lan", "1980-05-05", "Nữ", "022180000030"},
                    {"Ngô Văn Nhỏ", "2010-05-05", "Nam", "022210000031"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 4; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        byte[] file = mvc.perform(multipart("/api/v1/voter-lists/errors")
                        .file(new MockMultipartFile("file", "ds.xlsx", "application/octet-stream", out.toByteArray()))
                        .param("ruleSet", NA).param("electionDay", "2026-03-15").with(httpBasic("admin", "admin-test-password")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", org.hamcrest.Matchers.containsString("loi-danh-sach.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(file));
             var rows = wb.getFirstSheet().openStream()) {
            var read = rows.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
            assertThat(read).hasSize(2);
            assertThat(read.get(0)).containsExactly("Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Lỗi");
            assertThat(read.get(1).get(0)).isEqualTo("Ngô Văn Nhỏ");
            assertThat(read.get(1).get(4)).contains("VOTER_TOO_YOUNG");
        }
    }

    @Autowired
    VoterLists voterLists;

    @Test
    void theProgressBarCountsDataRowsOfEitherFormat() throws Exception {
        byte[] csv = "Họ và tên,Ngày sinh\nA,1\nB,2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(voterLists.dataRows(VoterLists.of(csv))).isEqualTo(2);
        byte[] noFinalNewline = "Họ và tên,Ngày sinh\nA,1\nB,2".getBytes(StandardCharsets.UTF_8);
        assertThat(voterLists.dataRows(VoterLists.of(noFinalNewline))).isEqualTo(2);
        var out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "baucu", "1.0")) {
            Worksheet ws = wb.newWorksheet("DS");
            for (int r = 0; r < 4; r++) {
                ws.value(r, 0, r == 0 ? "Họ và tên" : "Người " + r);
            }
        }
        assertThat(voterLists.dataRows(VoterLists.of(out.toByteArray()))).isEqualTo(3);
    }

    /** Vietnamese text as old Windows software saved it: base letters with their hats, tones as combining marks. */
    static byte[] windows1258(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (c == '\u0302' || c == '\u0306' || c == '\u031B') {
                int base = sb.length() - 1;
                while (Character.getType(sb.charAt(base)) == Character.NON_SPACING_MARK) {
                    base--;   // NFD puts a dot below before the hat: "ặ" is a, dot, breve
                }
                String combined = Normalizer.normalize(sb.charAt(base) + String.valueOf(c), Normalizer.Form.NFC);
                sb.setCharAt(base, combined.charAt(0));
            } else {
                sb.append(c);
            }
        }
        byte[] bytes = sb.toString().getBytes(Charset.forName("windows-1258"));
        assertThat(new String(bytes, Charset.forName("windows-1258"))).doesNotContain("?");
        return bytes;
    }
}
