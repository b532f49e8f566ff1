package dev.debugtoolbar.core.cache;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Masking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JCache decorator against a real provider (Caffeine's): same results, and every call recorded right. */
class JCacheRecorderTest {

    private static final EntryProcessor<Integer, String, String> APPEND =
            (entry, arguments) -> {
                String before = entry.getValue();
                entry.setValue(before + arguments[0]);
                return before;
            };
    private static final EntryProcessor<Integer, String, String> FAIL = (entry, arguments) -> {
        throw new IllegalStateException("processor failed");
    };

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
    private final CacheManager manager = Caching.getCachingProvider(
            "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
            .getCacheManager(URI.create("test:" + System.nanoTime()), getClass().getClassLoader());

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /** One call of the script: what it does, the operation it records and whether that is a hit. */
    private record Step(String name, Function<Cache<Integer, String>, Object> call, String op, Boolean hit) {
    }

    private static List<Step> script() {
        return List.of(
                new Step("put 1", c -> { c.put(1, "a"); return null; }, "put", null),
                new Step("get 1", c -> c.get(1), "get", true),
                new Step("get 2", c -> c.get(2), "get", false),
                new Step("getAll 1,2", c -> c.getAll(keys(1, 2)), "getAll", false),
                new Step("containsKey 1", c -> c.containsKey(1), "containsKey", true),
                new Step("containsKey 2", c -> c.containsKey(2), "containsKey", false),
                new Step("putAll 2,3", c -> { c.putAll(new TreeMap<>(Map.of(2, "b", 3, "c"))); return null; },
                        "putAll", null),
                new Step("getAll 1,2,3", c -> c.getAll(keys(1, 2, 3)), "getAll", true),
                new Step("putIfAbsent 1", c -> c.putIfAbsent(1, "x"), "putIfAbsent", true),
                new Step("putIfAbsent 4", c -> c.putIfAbsent(4, "d"), "putIfAbsent", false),
                new Step("getAndPut 1", c -> c.getAndPut(1, "a2"), "getAndPut", true),
                new Step("getAndPut 5", c -> c.getAndPut(5, "e"), "getAndPut", false),
                new Step("remove 5", c -> c.remove(5), "remove", true),
                new Step("remove 5 again", c -> c.remove(5), "remove", false),
                new Step("remove 4 if zz", c -> c.remove(4, "zz"), "remove", false),
                new Step("getAndRemove 4", c -> c.getAndRemove(4), "getAndRemove", true),
                new Step("getAndRemove 4 again", c -> c.getAndRemove(4), "getAndRemove", false),
                new Step("replace 1 if a2", c -> c.replace(1, "a2", "a3"), "replace", true),
                new Step("replace 1 if nope", c -> c.replace(1, "nope", "a4"), "replace", false),
                new Step("replace 2", c -> c.replace(2, "b2"), "replace", true),
                new Step("replace 9", c -> c.replace(9, "z"), "replace", false),
                new Step("getAndReplace 3", c -> c.getAndReplace(3, "c2"), "getAndReplace", true),
                new Step("getAndReplace 9", c -> c.getAndReplace(9, "z"), "getAndReplace", false),
                new Step("invoke 1", c -> c.invoke(1, APPEND, "!"), "invoke", null),
                new Step("invokeAll 2,3", c -> values(c.invokeAll(keys(2, 3), APPEND, "?")), "invokeAll", null),
                new Step("removeAll 3", c -> { c.removeAll(keys(3)); return null; }, "removeAll", null),
                new Step("contents", JCacheRecorderTest::contents, null, null),
                new Step("removeAll", c -> { c.removeAll(); return null; }, "removeAll", null),
                new Step("put 7", c -> { c.put(7, "g"); return null; }, "put", null),
                new Step("clear", c -> { c.clear(); return null; }, "clear", null),
                new Step("get 7", c -> c.get(7), "get", false));
    }

    @Test
    void answersEveryOperationExactlyAsTheWrappedCacheAndRecordsIt() {
        Cache<Integer, String> plain = cache("plain");
        Cache<Integer, String> recorded = JCacheRecorder.wrap(cache("recorded"), toolbar);

        List<Step> steps = script();
        CacheStats stats = record(() -> {
            for (Step step : steps) {
                assertEquals(step.call().apply(plain), step.call().apply(recorded), step.name());
            }
        });

        List<Step> recordedSteps = steps.stream().filter(step -> step.op() != null).toList();
        assertEquals(recordedSteps.stream().map(step -> step.op() + ":" + step.hit()).toList(),
                stats.calls().stream().map(call -> call.op() + ":" + call.hit()).toList());
        assertEquals(recordedSteps.size(), stats.callCount());
        assertEquals(recordedSteps.stream().filter(step -> Boolean.TRUE.equals(step.hit())).count(), stats.hits());
        assertEquals(recordedSteps.stream().filter(step -> Boolean.FALSE.equals(step.hit())).count(), stats.misses());
        CacheEvent first = stats.calls().get(0);
        assertEquals("recorded", first.cache());
        assertEquals("1", first.key());
        assertNull(first.error());
        assertEquals("[1, 2]", stats.calls().get(3).key());
        assertEquals("[2, 3]", stats.calls().get(6).key());
        assertNull(stats.calls().get(stats.calls().size() - 2).key(), "clear has no key");
    }

    @Test
    void passesFailuresOnUnchangedAndRecordsThem() {
        Cache<Integer, String> plain = cache("plain");
        Cache<Integer, String> recorded = JCacheRecorder.wrap(cache("recorded"), toolbar);
        plain.put(1, "a");
        recorded.put(1, "a");

        CacheStats stats = record(() -> {
            assertEquals(assertThrows(NullPointerException.class, () -> plain.get(null)).getClass(),
                    assertThrows(NullPointerException.class, () -> recorded.get(null)).getClass());
            assertEquals(assertThrows(EntryProcessorException.class, () -> plain.invoke(1, FAIL)).getMessage(),
                    assertThrows(EntryProcessorException.class, () -> recorded.invoke(1, FAIL)).getMessage());
        });

        assertEquals(List.of("get", "invoke"), stats.calls().stream().map(CacheEvent::op).toList());
        String error = stats.calls().get(0).error();
        assertTrue(error.startsWith("java.lang.NullPointerException"), error);
        assertTrue(stats.calls().get(1).error().contains("processor failed"), stats.calls().get(1).error());
        assertNull(stats.calls().get(0).hit());
    }

    @Test
    void recordsNothingOutsideARecordedRequest() {
        Cache<Integer, String> recorded = JCacheRecorder.wrap(cache("recorded"), toolbar);
        recorded.put(1, "a");
        recorded.get(1);

        CacheStats stats = record(() -> recorded.get(2));

        assertEquals(1, stats.callCount());
        assertEquals(List.of("get"), stats.calls().stream().map(CacheEvent::op).toList());
    }

    @Test
    void aWrappedManagerGivesRecordingCachesThatStayTheSame() {
        CacheManager recordingManager = JCacheRecorder.wrap(manager, toolbar);
        Cache<Integer, String> created = recordingManager.createCache("books", configuration());

        assertTrue(created instanceof RecordingCache);
        assertSame(created, recordingManager.getCache("books"));
        assertSame(created, recordingManager.getCache("books", Integer.class, String.class));
        assertSame(recordingManager, created.getCacheManager());
        assertNull(recordingManager.getCache("missing"));
        assertSame(manager.getCache("books"), created.unwrap(Cache.class));
        assertEquals(manager.getURI(), recordingManager.getURI());
        assertSame(JCacheRecorder.wrap(recordingManager, toolbar), recordingManager);
        assertSame(JCacheRecorder.wrap(created, toolbar), created);

        CacheStats stats = record(() -> recordingManager.getCache("books").get(1));
        assertEquals("books", stats.calls().get(0).cache());
    }

    @Test
    void aDisabledToolbarWrapsNothing() {
        DebugToolbar disabled = DebugToolbar.builder().enabled(false).build();
        Cache<Integer, String> cache = cache("plain");
        assertSame(cache, JCacheRecorder.wrap(cache, disabled));
        assertSame(manager, JCacheRecorder.wrap(manager, disabled));
    }

    @Test
    void masksTheKeysOfCachesWhoseNameLooksSecret() {
        Cache<Integer, String> tokens = JCacheRecorder.wrap(cache("apiTokens"), toolbar);

        CacheStats stats = record(() -> tokens.get(42));

        assertEquals(Masking.MASK, stats.calls().get(0).key());
    }

    private Cache<Integer, String> cache(String name) {
        return manager.createCache(name, configuration());
    }

    /**
     * Security class 8: a cache without a name. The manager cannot key its wrapper by name, so hands it out
     * unwrapped rather than failing; wrapped by itself, its calls are recorded without a name.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCacheWithoutANameIsHandedOutUnwrappedNotBroken() {
        Cache<Integer, String> nameless = (Cache<Integer, String>) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Cache.class},
                (proxy, method, args) -> method.getName().equals("get") ? "dune" : null);
        CacheManager odd = (CacheManager) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CacheManager.class},
                (proxy, method, args) -> method.getName().equals("getCache") ? nameless : null);
        CacheManager wrapped = JCacheRecorder.wrap(odd, toolbar);

        CacheStats stats = record(() -> {
            Cache<Integer, String> books = wrapped.getCache("books");
            assertSame(nameless, books);
            assertEquals("dune", books.get(1));
            assertEquals("dune", JCacheRecorder.wrap(nameless, toolbar).get(2), "wrapped one by one, it records");
        });
        assertEquals(1, stats.callCount());
        assertNull(stats.calls().get(0).cache());
    }

    private static MutableConfiguration<Integer, String> configuration() {
        return new MutableConfiguration<Integer, String>().setTypes(Integer.class, String.class).setStoreByValue(false);
    }

    private static Set<Integer> keys(Integer... keys) {
        return new TreeSet<>(List.of(keys));
    }

    private static Map<Integer, String> values(Map<Integer, EntryProcessorResult<String>> results) {
        Map<Integer, String> values = new TreeMap<>();
        results.forEach((key, result) -> values.put(key, result.get()));
        return values;
    }

    private static Map<Integer, String> contents(Cache<Integer, String> cache) {
        Map<Integer, String> contents = new TreeMap<>();
        cache.forEach(entry -> contents.put(entry.getKey(), entry.getValue()));
        return contents;
    }

    private CacheStats record(Runnable work) {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            work.run();
        }
        return (CacheStats) toolbar.finish(context, new FakeResponse(200)).panel("cache").orElseThrow().stats();
    }
}
