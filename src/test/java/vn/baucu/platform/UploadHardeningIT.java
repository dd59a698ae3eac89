package vn.baucu.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.io.ByteArrayOutputStream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.support.BaucuIntegrationTest;

/**
 * Every XLSX reader is behind the zip-bomb guard (villages and members too, not only voter lists); the size limits
 * of each endpoint are in {@code UploadLimitsPerEndpointIT}.
 */
@BaucuIntegrationTest
class UploadHardeningIT {

    @Autowired
    MockMvc mvc;

    /** An "xlsx" of a few dozen kB that inflates to 80 MB of zeros. */
    static byte[] bomb() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aVillageImportThatIsAZipBombIsRefusedBeforeParsing() throws Exception {
        mvc.perform(multipart("/api/v1/villages/imports").file(new MockMultipartFile("file", "thon.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bomb()))
                        .param("effective", "2025-07-01").with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", Matchers.is("F-108")));
    }

    @Test
    void aMembersImportThatIsAZipBombIsRefusedBeforeParsing() throws Exception {
        long election = vn.baucu.support.Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\","
                + "\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"QH tệp\",\"term\":\"2026-2031\","
                + "\"electionDay\":\"2026-03-15\"}");
        String body = mvc.perform(post("/api/v1/elections/" + election + "/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ELECTION_COMMITTEE\",\"level\":\"PROVINCE\",\"unitCode\":\"22\","
                                + "\"name\":\"Ủy ban bầu cử tỉnh\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = body.replaceAll(".*?\"id\":(\\d+).*", "$1");
        mvc.perform(multipart("/api/v1/organisations/" + id + "/members/imports").file(new MockMultipartFile("file", "tv.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bomb())).with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", Matchers.is("F-108")));
    }
}
