package dev.debugtoolbar.core.store;

import dev.debugtoolbar.core.RequestRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps the newest {@code capacity} records in memory; the oldest is evicted first. */
public final class InMemoryRequestStore implements RequestStore {

    private final int capacity;
    private final LinkedHashMap<String, RequestRecord> records;

    /** A store that keeps at most {@code capacity} records. */
    public InMemoryRequestStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.records = new LinkedHashMap<>(Math.min(capacity, 1024) * 2) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RequestRecord> eldest) {
                return size() > InMemoryRequestStore.this.capacity;
            }
        };
    }

    @Override
    public synchronized void save(RequestRecord record) {
        records.put(record.id(), record);
    }

    @Override
    public synchronized Optional<RequestRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized List<RequestRecord> recent(int limit) {
        List<RequestRecord> newest = new ArrayList<>(Math.min(Math.max(limit, 0), records.size()));
        Iterator<RequestRecord> oldestFirst = records.values().iterator();
        int skip = records.size() - Math.min(Math.max(limit, 0), records.size());
        for (int i = 0; i < skip; i++) {
            oldestFirst.next();
        }
        oldestFirst.forEachRemaining(newest::add);
        java.util.Collections.reverse(newest);
        return newest;
    }

    /** How many records are kept now. */
    public synchronized int size() {
        return records.size();
    }
}
