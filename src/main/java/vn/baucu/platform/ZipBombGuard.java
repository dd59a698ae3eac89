package vn.baucu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Refuses an XLSX (a zip) that would expand far beyond its size before any parser reads it: the
 * entries are inflated once, counting bytes and keeping none, and the pass stops at the first limit —
 * a total beyond {@code baucu.upload.max-uncompressed}, or, past {@code baucu.upload.ratio-floor},
 * more than {@code baucu.upload.max-ratio} times the file's size.
 */
@Component
public class ZipBombGuard {

    private final long maxUncompressed;
    private final long ratioFloor;
    private final int maxRatio;

    ZipBombGuard(@Value("${baucu.upload.max-uncompressed:2GB}") DataSize maxUncompressed,
                 @Value("${baucu.upload.ratio-floor:50MB}") DataSize ratioFloor,
                 @Value("${baucu.upload.max-ratio:100}") int maxRatio) {
        this.maxUncompressed = maxUncompressed.toBytes();
        this.ratioFloor = ratioFloor.toBytes();
        this.maxRatio = maxRatio;
    }

    public void check(Supplier<InputStream> content, long compressedSize) {
        check(content, compressedSize, maxUncompressed, ratioFloor, maxRatio);
    }

    /** The limits for the small tables (villages, members) that {@link TabularFile} reads whole. */
    static final long SMALL_TABLE_MAX_UNCOMPRESSED = 64L * 1024 * 1024;
    static final long SMALL_TABLE_RATIO_FLOOR = 4L * 1024 * 1024;

    /** The guard for a small table read whole into memory: it may never expand beyond 64 MB. */
    public static void checkSmallTable(byte[] xlsx) {
        check(() -> new java.io.ByteArrayInputStream(xlsx), xlsx.length, SMALL_TABLE_MAX_UNCOMPRESSED,
                SMALL_TABLE_RATIO_FLOOR, 100);
    }

    private static void check(Supplier<InputStream> content, long compressedSize, long maxUncompressed, long ratioFloor,
                              int maxRatio) {
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        // commons-compress reads the stored-with-data-descriptor entries that Excel writers produce
        try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(content.get(), "UTF-8", true, true)) {
            org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getMethod() != java.util.zip.ZipEntry.STORED && entry.getMethod() != java.util.zip.ZipEntry.DEFLATED) {
                    // an Office file's parts are stored or deflated (ECMA-376 Part 2, Annex C); nothing else is read
                    throw unreadable();
                }
                int n;
                while ((n = zip.read(buf)) > 0) {
                    total += n;
                    if (total > maxUncompressed || total > ratioFloor && total > compressedSize * maxRatio) {
                        throw DomainException.violations(List.of(Violation.of("F-108", "file", "file.zip-bomb",
                                entry.getName())));
                    }
                }
            }
        } catch (IOException e) {
            throw unreadable();
        } catch (LinkageError e) {
            // an entry compressed with a method whose optional library is not on the class path (Zstandard, XZ):
            // commons-compress opens the entry's decompressor before its method can be looked at (found by Jazzer)
            throw unreadable();
        }
    }

    private static DomainException unreadable() {
        return DomainException.violations(List.of(Violation.of("F-104", "file", "file.unreadable")));
    }

    /** The size of what {@code content} supplies (read once, nothing kept). */
    public static long size(Supplier<InputStream> content) {
        try (InputStream in = content.get()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
