package vn.baucu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

class TabularFileFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void readsOrNamesTheProblem(byte[] bytes) {
        try {
            TabularFile table = TabularFile.read(bytes, 500);
            assertThat(table.header()).isNotNull();
        } catch (DomainException e) {
            assertThat(e.getMessage()).isNotNull();
        }
    }
}
