package dev.debugtoolbar.core.cache;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.internal.Guard;

import javax.cache.Cache;
import javax.cache.CacheManager;
import java.util.Objects;

/**
 * Wraps JCache ({@code javax.cache}) caches so that their calls are recorded for the Cache panel:
 *
 * <pre>{@code
 * CacheManager caches = JCacheRecorder.wrap(Caching.getCachingProvider().getCacheManager(), toolbar);
 * Cache<Long, Book> books = caches.getCache("books");              // recorded, like every cache it gives
 * }</pre>
 *
 * {@code get}, {@code getAll}, {@code containsKey}, {@code put}, {@code putAll}, {@code putIfAbsent},
 * {@code getAndPut}, {@code remove}, {@code getAndRemove}, {@code replace}, {@code getAndReplace},
 * {@code invoke}, {@code invokeAll}, {@code removeAll} and {@code clear} are recorded; every other method
 * simply delegates. Results and exceptions are exactly those of the wrapped cache. A disabled toolbar
 * returns what it is given.
 */
public final class JCacheRecorder {

    private JCacheRecorder() {
    }

    /**
     * A cache that records its calls into {@code toolbar}'s current request. Its {@code getCacheManager()}
     * is the wrapped cache's own manager; wrap the manager instead to have every cache recorded.
     */
    public static <K, V> Cache<K, V> wrap(Cache<K, V> cache, DebugToolbar toolbar) {
        Objects.requireNonNull(cache, "cache");
        if (!toolbar.isEnabled() || cache instanceof RecordingCache) {
            return cache;
        }
        CacheRecorder recorder = CacheRecorder.of(toolbar);
        return Guard.call(() -> new RecordingCache<>(cache, recorder, cache.getCacheManager()), failure -> cache,
                "the cache panel could not wrap a cache; its calls are not recorded");
    }

    /** A cache manager whose caches (created or looked up through it) record their calls. */
    public static CacheManager wrap(CacheManager cacheManager, DebugToolbar toolbar) {
        Objects.requireNonNull(cacheManager, "cacheManager");
        if (!toolbar.isEnabled() || cacheManager instanceof RecordingCacheManager) {
            return cacheManager;
        }
        return new RecordingCacheManager(cacheManager, CacheRecorder.of(toolbar));
    }
}
