package vn.baucu.results.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which {@code Accept-Encoding} headers get the gzip copy of a snapshot's document or page (RFC 9110, 12.5.3). */
class AcceptsGzipTest {

    @Test
    void gzipIsSentOnlyWhereItIsAcceptable() {
        assertThat(SnapshotCache.acceptsGzip(null)).isFalse();
        assertThat(SnapshotCache.acceptsGzip("")).isFalse();
        assertThat(SnapshotCache.acceptsGzip("identity")).isFalse();
        assertThat(SnapshotCache.acceptsGzip("br")).isFalse();
        assertThat(SnapshotCache.acceptsGzip("gzip")).isTrue();
        assertThat(SnapshotCache.acceptsGzip("GZIP")).isTrue();
        assertThat(SnapshotCache.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(SnapshotCache.acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).isTrue();
        assertThat(SnapshotCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(SnapshotCache.acceptsGzip("gzip; q=0.000, identity")).isFalse();
        assertThat(SnapshotCache.acceptsGzip("gzip;q=0.001")).isTrue();
        assertThat(SnapshotCache.acceptsGzip("*")).isTrue();
        assertThat(SnapshotCache.acceptsGzip("*;q=0.1, gzip;q=0")).as("gzip named is stronger than *").isFalse();
        assertThat(SnapshotCache.acceptsGzip("br, *;q=0")).isFalse();
    }
}
