package vn.baucu.results.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What results night serves again and again, kept in memory by what it is made from: a published snapshot never
 * changes, so its document and the public pages rendered from it are keyed by the snapshot's SHA-256 (and the page and
 * language) and stay right on every node without any invalidation — a new publication has a new hash. Only the
 * latest snapshot's hash is read from the database per request. Least recently used entries go first once the cache
 * holds {@code baucu.portal.cache-bytes} (64 MB by default).
 */
@Component
class SnapshotCache {

    private final long limit;
    private long size;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);

    SnapshotCache(@Value("${baucu.portal.cache-bytes:67108864}") long limit) {
        this.limit = limit;
    }

    /** The bytes kept under {@code key}, made once by {@code make} (outside the lock: two may make it at once). */
    byte[] get(String key, Supplier<byte[]> make) {
        synchronized (this) {
            byte[] hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] made = make.get();
        synchronized (this) {
            byte[] earlier = entries.put(key, made);
            size += made.length - (earlier == null ? 0 : earlier.length);
            var it = entries.entrySet().iterator();
            while (size > limit && it.hasNext()) {
                Map.Entry<String, byte[]> eldest = it.next();
                if (eldest.getKey().equals(key)) {
                    continue;
                }
                size -= eldest.getValue().length;
                it.remove();
            }
        }
        return made;
    }

    synchronized long size() {
        return size;
    }
}
