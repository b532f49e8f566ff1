package dev.debugtoolbar.core.internal;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.store.RecordLookup;
import dev.debugtoolbar.core.store.RequestStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningRequestsTest {

    @Test
    void holdsAtMostItsCapacityAndForgetsEachIdWhenItEnds() {
        RunningRequests running = new RunningRequests(2);
        running.began("a");
        running.began("b");
        running.began("c");
        assertEquals(2, running.size());
        assertFalse(running.isRunning("c"), "beyond the bound, a request is not tracked");
        running.ended("a");
        running.ended("b");
        running.ended("c");
        assertEquals(0, running.size());
        running.awaitEnd("a", Duration.ofDays(1));
    }

    @Test
    void aRequestIsRunningFromItsStartUntilItsRecordIsSavedEvenWhenTheStoreFails() {
        RequestStore failing = new RequestStore() {
            @Override
            public void save(RequestRecord record) {
                throw new IllegalStateException("store down");
            }

            @Override
            public Optional<RequestRecord> find(String id) {
                return Optional.empty();
            }

            @Override
            public List<RequestRecord> recent(int limit) {
                return List.of();
            }
        };
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).store(failing).build();
        RequestContext context = toolbar.start(new FakeRequest("/page"));
        assertEquals(new RecordLookup(Optional.empty(), true), toolbar.lookUp(context.id(), Duration.ZERO));

        toolbar.finish(context, new FakeResponse(200));

        assertFalse(toolbar.lookUp(context.id(), Duration.ZERO).running());
    }

    @Test
    void aFinishedRequestIsFoundWithoutWaiting() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/page"));
        toolbar.finish(context, new FakeResponse(200));
        RecordLookup lookup = toolbar.lookUp(context.id(), Duration.ofDays(1));
        assertTrue(lookup.record().isPresent());
        assertFalse(lookup.running());
    }
}
