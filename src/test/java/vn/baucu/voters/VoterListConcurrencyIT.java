package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.platform.Authorization;
import vn.baucu.platform.DomainException;
import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;

/**
 * Two communes import, at the same moment, lists that share one person: whatever the interleaving,
 * exactly one list stands and the other is refused whole, naming the person (the database's unique
 * index decides, not a check made before the import).
 */
@BaucuIntegrationTest
class VoterListConcurrencyIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VoterLists voterLists;

    private long area(String commune) throws Exception {
        int number = 100_000 + (int) (Math.random() * 800_000);
        String a = mvc.perform(post("/api/v1/communes/" + commune + "/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2027-05-23\",\"number\":" + number + ",\"name\":\"KV đồng thời\",\"voters\":4000}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(a.replaceAll(".*?\"id\":(\\d+).*", "$1"));
    }

    /** 30,000 people with ids of one block; the shared person first or last. */
    private static byte[] file(int block, String shared, boolean sharedFirst) {
        StringBuilder csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n");
        String person = "Người Chung,04/04/1970,Nam," + shared + "\n";
        if (sharedFirst) {
            csv.append(person);
        }
        for (int i = 0; i < 30_000; i++) {
            csv.append("Người ").append(block).append(' ').append(i).append(",05/05/1975,Nam,022075")
                    .append(block).append(String.format("%05d", i)).append('\n');
        }
        if (!sharedFirst) {
            csv.append(person);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoCommunesImportingTheSamePersonAtOnceLeaveExactlyOneList() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                long election = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                        + "\"name\":\"QH đồng thời\",\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
                long a = area("06709");
                long b = area("06712");
                String shared = "022070" + String.format("%06d", 999_000 + round);
                byte[] fileA = file(1, shared, round % 2 == 0);
                byte[] fileB = file(2, shared, round % 2 == 1);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<long[]>> runs = new ArrayList<>();
                for (Object[] job : List.of(new Object[] {a, fileA}, new Object[] {b, fileB})) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        long began = System.nanoTime();
                        try {
                            Authorization.runAsSystem(() -> voterLists.confirm(election, new VoterLists.Target((Long) job[0], null),
                                    "dong-thoi.csv", () -> new ByteArrayInputStream((byte[]) job[1]), Locale.forLanguageTag("vi")));
                            return new long[] {1, began, System.nanoTime()};
                        } catch (DomainException refused) {
                            assertThat(refused.violations()).first().satisfies(v -> {
                                assertThat(v.code()).isEqualTo("PERSONAL_ID_IN_OTHER_LIST");
                                assertThat(v.args()).first().isEqualTo(shared);
                            });
                            return new long[] {0, began, System.nanoTime()};
                        }
                    }));
                }
                start.countDown();
                long[] first = runs.get(0).get(60, TimeUnit.SECONDS);
                long[] second = runs.get(1).get(60, TimeUnit.SECONDS);
                assertThat(first[0] + second[0]).as("exactly one import stands (round %d)", round).isEqualTo(1);
                assertThat(first[1] < second[2] && second[1] < first[2]).as("the two imports ran at the same time").isTrue();
                assertThat(jdbc.sql("select count(*) from voter_list where election_id = :e").param("e", election)
                        .query(Integer.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from voter_entry where election_id = :e").param("e", election)
                        .query(Integer.class).single()).isEqualTo(30_001);
                assertThat(jdbc.sql("select count(*) from voter_entry where election_id = :e and personal_id = :p")
                        .param("e", election).param("p", shared).query(Integer.class).single()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
