package dev.debugtoolbar.core.cache;

import dev.debugtoolbar.core.Hostile;
import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.callsite.StackFilter;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Any cache, here a plain map, reports its calls in a few lines. */
class CacheRecorderTest {

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).maxCacheCalls(3).build();
    private final CacheRecorder recorder = CacheRecorder.of(toolbar);
    private final Map<String, String> map = new HashMap<>();

    @Test
    void recordsLookupsWritesAndAnyOtherCallWithTheirResults() {
        CacheStats stats = record(() -> {
            assertNull(recorder.get("colours", "sky", () -> map.get("sky")));
            recorder.run("colours", "put", "sky", () -> map.put("sky", "blue"));
            assertEquals("blue", recorder.get("colours", "sky", () -> map.get("sky")));
        });

        assertEquals(List.of("get:false", "put:null", "get:true"),
                stats.calls().stream().map(call -> call.op() + ":" + call.hit()).toList());
        assertEquals(List.of(0, 1, 2), stats.calls().stream().map(CacheEvent::index).toList());
        assertEquals(1, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(0.5, stats.hitRatio());
        assertEquals("sky", stats.calls().get(0).key());
        assertEquals(List.of("get", "put"), stats.operations().stream().map(CacheStats.OperationTotal::op).toList());
        assertEquals(2, stats.operations().get(0).calls());
        assertEquals("3 calls, 1 miss", new CachePanel(3, 200, StackFilter.defaults()).subtitle(stats));
    }

    @Test
    void tellsHitsFromResultsAsTheCallerSays() {
        CacheStats stats = record(() -> {
            boolean added = recorder.record("colours", "putIfAbsent", "sea",
                    () -> map.putIfAbsent("sea", "green") == null, put -> !put);
            assertEquals(true, added);
            assertEquals("green", recorder.record("colours", "compute", "sea", () -> map.compute("sea", (k, v) -> v)));
        });

        assertEquals(List.of("putIfAbsent:false", "compute:null"),
                stats.calls().stream().map(call -> call.op() + ":" + call.hit()).toList());
    }

    @Test
    void passesExceptionsOnAndKeepsTheirMessage() {
        IllegalStateException failure = new IllegalStateException("cache is down");
        CacheStats stats = record(() -> assertSame(failure, assertThrows(IllegalStateException.class,
                () -> recorder.get("colours", "sky", () -> {
                    throw failure;
                }))));

        assertEquals("java.lang.IllegalStateException: cache is down", stats.calls().get(0).error());
        assertNull(stats.calls().get(0).hit());
    }

    @Test
    void aHitTestThatThrowsLeavesTheCallUnclassifiedAndTheResultIntact() {
        CacheStats stats = record(() -> assertEquals("x", recorder.record("colours", "get", "k", () -> "x", value -> {
            throw new IllegalArgumentException("bad test");
        })));

        assertNull(stats.calls().get(0).hit());
        assertNull(stats.calls().get(0).error());
    }

    @Test
    void keepsTheConfiguredNumberOfCallsButCountsThemAll() {
        CacheStats stats = record(() -> {
            for (int i = 0; i < 5; i++) {
                recorder.get("colours", i, () -> null);
            }
        });

        assertEquals(3, stats.calls().size());
        assertEquals(5, stats.callCount());
        assertEquals(5, stats.misses());
        assertEquals(2, stats.droppedCount());
        assertEquals(0.0, stats.hitRatio());
    }

    @Test
    void runsTheCallUnrecordedOutsideARecordedRequest() {
        assertEquals("v", recorder.get("colours", "k", () -> "v"));
        assertEquals(0, record(() -> { }).callCount());
    }

    @Test
    void givesItsTimeToServerTiming() {
        CacheStats stats = new CacheStats(12, 9, 3, 0.5, 0, List.of(), List.of(), true);
        assertEquals("cache", new CachePanel(1, 200, StackFilter.defaults()).timings(stats).get(0).name());
        assertEquals("Cache (12 calls, 3 misses)", new CachePanel(1, 200, StackFilter.defaults()).timings(stats).get(0).description());
        assertNull(new CacheStats(0, 0, 0, 0, 0, List.of(), List.of(), true).hitRatio());
    }

    /**
     * Security class 8: a cache call with a {@code null} name, a key whose {@code toString}, {@code hashCode} and
     * {@code equals} throw, a hit test that throws: each call answers the application with its own result.
     */
    @Test
    void aHostileCallAnswersTheApplicationWithItsOwnResult() {
        Object key = new Hostile.Unprintable();
        CacheStats stats = record(() -> {
            assertEquals("dune", recorder.get(null, key, () -> "dune"));
            assertEquals("kept", recorder.record("books", "compute", key, () -> "kept", result -> {
                throw new IllegalStateException("cannot tell");
            }));
        });

        assertEquals(2, stats.callCount());
        CacheEvent first = stats.calls().get(0);
        assertNull(first.cache());
        assertEquals("[toString() of " + Hostile.Unprintable.class.getName() + " failed: " + Hostile.Unspeakable.class.getName()
                + "]", first.key());
        assertEquals(Boolean.TRUE, first.hit());
        assertNull(stats.calls().get(1).hit(), "no verdict when the hit test fails");
    }

    @Test
    void saysWhetherAnyCacheReportsToTheToolbar() {
        DebugToolbar bare = DebugToolbar.builder().enabled(true).build();
        CachePanel panel = bare.panels().stream().filter(CachePanel.class::isInstance).map(CachePanel.class::cast)
                .findFirst().orElseThrow();
        CacheStats none = (CacheStats) bare.finish(bare.start(new FakeRequest("/")), new FakeResponse(200))
                .panel("cache").orElseThrow().stats();
        assertFalse(none.instrumented());
        assertEquals("not instrumented", panel.subtitle(none));

        CacheRecorder.of(bare);
        CacheStats quiet = (CacheStats) bare.finish(bare.start(new FakeRequest("/")), new FakeResponse(200))
                .panel("cache").orElseThrow().stats();
        assertTrue(quiet.instrumented());
        assertEquals("0 calls, 0 misses", panel.subtitle(quiet));
    }

    private CacheStats record(Runnable work) {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            work.run();
        }
        return (CacheStats) toolbar.finish(context, new FakeResponse(200)).panel("cache").orElseThrow().stats();
    }
}
