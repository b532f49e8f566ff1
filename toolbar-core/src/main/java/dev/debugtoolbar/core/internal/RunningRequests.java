package dev.debugtoolbar.core.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ids of the requests that are being recorded now, from the moment an id is given out until its record is
 * saved, so that a client that reads the id from a response still streaming can be told "still running" rather
 * than "unknown", and can wait for the end. Holds at most {@code capacity} ids (beyond that, requests are not
 * tracked: their ids answer as unknown until saved); every id is removed when its request ends. Thread-safe.
 */
public final class RunningRequests {

    private final int capacity;
    private final Map<String, CountDownLatch> running = new ConcurrentHashMap<>();

    /** Tracks at most {@code capacity} running requests at once. */
    public RunningRequests(int capacity) {
        this.capacity = capacity;
    }

    /** Notes that the request with this id began. */
    public void began(String id) {
        if (running.size() < capacity) {
            running.put(id, new CountDownLatch(1));
        }
    }

    /** Notes that the request with this id ended (its record is saved, or will never be); wakes its waiters. */
    public void ended(String id) {
        CountDownLatch end = running.remove(id);
        if (end != null) {
            end.countDown();
        }
    }

    /** Whether the request with this id is running now. */
    public boolean isRunning(String id) {
        return running.containsKey(id);
    }

    /** Waits up to {@code wait} for the request with this id to end; returns at once if it is not running. */
    public void awaitEnd(String id, Duration wait) {
        CountDownLatch end = running.get(id);
        if (end == null) {
            return;
        }
        try {
            end.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many requests are tracked as running now. */
    public int size() {
        return running.size();
    }
}
