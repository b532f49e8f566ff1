package dev.debugtoolbar.core.store;

import dev.debugtoolbar.core.RequestRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryRequestStoreTest {

    @Test
    void keepsTheNewestRecordsUpToItsCapacity() {
        InMemoryRequestStore store = new InMemoryRequestStore(3);
        for (int i = 1; i <= 5; i++) {
            store.save(record("r" + i));
        }
        assertEquals(3, store.size());
        assertTrue(store.find("r2").isEmpty());
        assertEquals("r3", store.find("r3").orElseThrow().id());
        assertEquals(List.of("r5", "r4", "r3"), ids(store.recent(10)));
        assertEquals(List.of("r5", "r4"), ids(store.recent(2)));
        assertEquals(List.of(), ids(store.recent(0)));
    }

    @Test
    void staysWithinItsBoundUnderConcurrentWriters() throws InterruptedException {
        InMemoryRequestStore store = new InMemoryRequestStore(50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> {
                for (int i = 0; i < 1_000; i++) {
                    store.save(record(thread + "-" + i));
                    store.recent(5);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(50, store.size());
        assertEquals(50, store.recent(100).size());
    }

    @Test
    void keepsTheNewestRecordsWithinItsBytesTheOldestGoFirst() {
        InMemoryRequestStore store = new InMemoryRequestStore(100, 10_000);
        for (int i = 1; i <= 10; i++) {
            store.save(record("r" + i, 3_000));
        }
        assertEquals(List.of("r10", "r9", "r8"), ids(store.recent(100)), "three records of 3,000 bytes fit in 10,000");
        assertEquals(9_000, store.bytes());

        store.save(record("big", 50_000));
        assertEquals(List.of("big"), ids(store.recent(100)), "the newest record is kept whatever its size");
        assertEquals(50_000, store.bytes());
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryRequestStore(0));
    }

    private static RequestRecord record(String id, long bytes) {
        return new RequestRecord(id, Instant.now(), "GET", "/", null, 200, 1.0, "text/html", Map.of(), List.of(),
                new RequestRecord.Size(bytes, bytes, 0));
    }

    private static RequestRecord record(String id) {
        return new RequestRecord(id, Instant.now(), "GET", "/", null, 200, 1.0, "text/html", Map.of());
    }

    private static List<String> ids(List<RequestRecord> records) {
        return records.stream().map(RequestRecord::id).toList();
    }
}
