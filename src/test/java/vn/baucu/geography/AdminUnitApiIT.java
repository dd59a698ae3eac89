package vn.baucu.geography;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.baucu.support.BaucuIntegrationTest;

/** The admin-units API on the bundled GSO data, before and after the 1/7/2025 reform. */
@BaucuIntegrationTest
class AdminUnitApiIT {

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder api(String url) {
        return get(url).with(httpBasic("admin", "admin-test-password"));
    }

    @Test
    void thirtyFourProvincesToday() throws Exception {
        mvc.perform(api("/api/v1/admin-units?level=PROVINCE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(34)))
                .andExpect(jsonPath("$[?(@.code == '22')].name", hasItem("Tỉnh Quảng Ninh")));
    }

    @Test
    void fiftyFourCommunesUnderQuangNinhToday() throws Exception {
        mvc.perform(api("/api/v1/admin-units?level=COMMUNE&parent=22"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(54)));
    }

    @Test
    void sixtyThreeProvincesAndThirteenQuangNinhDistrictsIn2022() throws Exception {
        mvc.perform(api("/api/v1/admin-units?level=PROVINCE&asOf=2022-06-05"))
                .andExpect(jsonPath("$", hasSize(63)));
        mvc.perform(api("/api/v1/admin-units?level=DISTRICT&parent=22&asOf=2022-06-05"))
                .andExpect(jsonPath("$", hasSize(13)));
        mvc.perform(api("/api/v1/admin-units?level=COMMUNE&parent=22&asOf=2022-06-05"))
                .andExpect(jsonPath("$", hasSize(171)));
    }

    @Test
    void wholeCountryCountsOnEachSideOfTheReform() throws Exception {
        mvc.perform(api("/api/v1/admin-units?level=DISTRICT&asOf=2025-06-30")).andExpect(jsonPath("$", hasSize(696)));
        mvc.perform(api("/api/v1/admin-units?level=COMMUNE&asOf=2025-06-30")).andExpect(jsonPath("$", hasSize(10047)));
        mvc.perform(api("/api/v1/admin-units?level=COMMUNE&asOf=2025-07-01")).andExpect(jsonPath("$", hasSize(3321)));
        mvc.perform(api("/api/v1/admin-units?level=DISTRICT&asOf=2025-07-01")).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void kaLongIn2022ResolvesAndItsNewUnitListsIt() throws Exception {
        mvc.perform(api("/api/v1/admin-units/06709?asOf=2022-06-05"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name", is("Phường Ka Long")))
                .andExpect(jsonPath("$.level", is("COMMUNE")))
                .andExpect(jsonPath("$.parentCode", is("194")))
                .andExpect(jsonPath("$.validTo", is("2025-07-01")))
                .andExpect(jsonPath("$.mergedInto[0].name", is("Phường Móng Cái 2")));
        mvc.perform(api("/api/v1/admin-units/06709?asOf=2026-03-15"))
                .andExpect(jsonPath("$.name", is("Phường Móng Cái 2")))
                .andExpect(jsonPath("$.validFrom", is("2025-07-01")))
                .andExpect(jsonPath("$.mergedFrom[*].name", hasItem("Phường Ka Long")))
                .andExpect(jsonPath("$.mergedFrom[?(@.code == '06709')].partial", hasItem(false)));
    }

    @Test
    void partialMergesAreMarked() throws Exception {
        // Xã Ba Chẽ (06970, since 2025) took only part of Xã Hải Lạng (06886)
        mvc.perform(api("/api/v1/admin-units/06970?asOf=2026-03-15"))
                .andExpect(jsonPath("$.name", is("Xã Ba Chẽ")))
                .andExpect(jsonPath("$.mergedFrom[?(@.code == '06886')].partial", hasItem(true)))
                .andExpect(jsonPath("$.mergedFrom[?(@.code == '06970')].name", hasItem("Thị trấn Ba Chẽ")));
    }

    @Test
    void islandDistrictsBecameSpecialZones() throws Exception {
        mvc.perform(api("/api/v1/admin-units/11948?asOf=2026-01-01"))
                .andExpect(jsonPath("$.kind", is("Đặc khu")))
                .andExpect(jsonPath("$.mergedFrom[0].code", is("318")))
                .andExpect(jsonPath("$.mergedFrom[0].level", is("DISTRICT")));
    }

    @Test
    void provincesKeepTheirMergers() throws Exception {
        mvc.perform(api("/api/v1/admin-units/79?asOf=2026-01-01"))
                .andExpect(jsonPath("$.mergedFrom[*].code", hasItem("77")))
                .andExpect(jsonPath("$.mergedFrom[*].code", hasItem("74")));
    }

    @Test
    void searchWithoutDiacriticsFindsMongCai() throws Exception {
        mvc.perform(api("/api/v1/admin-units/search?q=mong cai&asOf=2022-06-05"))
                .andExpect(jsonPath("$[*].name", hasItem("Thành phố Móng Cái")));
        mvc.perform(api("/api/v1/admin-units/search?q=mong cai"))
                .andExpect(jsonPath("$[*].name", hasItem("Phường Móng Cái 2")));
    }

    @Test
    void unknownCodeIsA404Problem() throws Exception {
        mvc.perform(api("/api/v1/admin-units/99999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", is("urn:baucu:problem:not-found")))
                .andExpect(jsonPath("$.status", is(404)))
                .andExpect(jsonPath("$.detail", containsString("99999")));
    }

    @Test
    void malformedDateIsA400NamingTheParameter() throws Exception {
        mvc.perform(api("/api/v1/admin-units?asOf=2022-13-40"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field", is("asOf")))
                .andExpect(jsonPath("$.detail", containsString("asOf")));
        mvc.perform(api("/api/v1/admin-units?level=HAMLET"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field", is("level")));
    }

    @Test
    void problemsSpeakEnglishWhenAsked() throws Exception {
        mvc.perform(api("/api/v1/admin-units/99999").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.title", is("Not found")))
                .andExpect(jsonPath("$.detail", containsString("There is no administrative unit")));
        mvc.perform(api("/api/v1/admin-units/99999"))
                .andExpect(jsonPath("$.title", is("Không tìm thấy")));
    }

    @Test
    void anonymousCallsGetA401Problem() throws Exception {
        mvc.perform(get("/api/v1/admin-units"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", is("urn:baucu:problem:unauthorized")));
    }

    @Test
    void healthIsPublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status", is("UP")));
    }
}
