package dev.debugtoolbar.core.store;

import dev.debugtoolbar.core.RequestRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the newest records in memory, at most {@code capacity} of them and at most {@code maxBytes} of their
 * estimated sizes ({@link RequestRecord#size()}) in all; the oldest are evicted first. The newest record is always
 * kept, whatever its size.
 */
public final class InMemoryRequestStore implements RequestStore {

    private final int capacity;
    private final long maxBytes;
    private final LinkedHashMap<String, RequestRecord> records;
    private long bytes;

    /** A store that keeps at most {@code capacity} records, whatever their size. */
    public InMemoryRequestStore(int capacity) {
        this(capacity, Long.MAX_VALUE);
    }

    /** A store that keeps at most {@code capacity} records and at most {@code maxBytes} of their sizes. */
    public InMemoryRequestStore(int capacity, long maxBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.records = new LinkedHashMap<>(Math.min(capacity, 1024) * 2);
    }

    @Override
    public synchronized void save(RequestRecord record) {
        RequestRecord replaced = records.put(record.id(), record);
        bytes += record.size().bytes() - (replaced == null ? 0 : replaced.size().bytes());
        Iterator<RequestRecord> oldestFirst = records.values().iterator();
        while (records.size() > capacity || bytes > maxBytes && records.size() > 1) {
            bytes -= oldestFirst.next().size().bytes();
            oldestFirst.remove();
        }
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

    /** The estimated size of the records kept now, in bytes. */
    public synchronized long bytes() {
        return bytes;
    }
}
