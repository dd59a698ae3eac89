package vn.baucu.voters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up sweep of local upload copies left behind by a killed process (issue 10). */
class UploadStagingSweepTest {

    @Test
    void onlyCopiesOlderThanADayAreRemoved(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        Path old = Files.writeString(dir.resolve("baucu-upload-1.bin"), "x");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(25))));
        Path fresh = Files.writeString(dir.resolve("baucu-upload-2.bin"), "x");
        Files.setLastModifiedTime(fresh, FileTime.from(now.minus(Duration.ofMinutes(5))));
        Path other = Files.writeString(dir.resolve("someone-else.bin"), "x");
        Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofDays(30))));

        assertThat(UploadStaging.sweep(dir, now.minus(UploadStaging.KEPT))).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(other).exists();
        assertThat(UploadStaging.sweep(dir.resolve("missing"), now)).isZero();
    }
}
