package dev.debugtoolbar.core.cache;

import dev.debugtoolbar.core.internal.Guard;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JCache cache manager whose caches record their calls. Looking up the same cache twice gives the same
 * wrapper, as long as the manager gives the same cache.
 */
final class RecordingCacheManager implements CacheManager {

    private final CacheManager delegate;
    private final CacheRecorder recorder;
    private final Map<String, RecordingCache<?, ?>> wrappers = new ConcurrentHashMap<>();

    RecordingCacheManager(CacheManager delegate, CacheRecorder recorder) {
        this.delegate = delegate;
        this.recorder = recorder;
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
        return recording(delegate.createCache(cacheName, configuration));
    }

    @Override
    public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
        return recording(delegate.getCache(cacheName, keyType, valueType));
    }

    @Override
    public <K, V> Cache<K, V> getCache(String cacheName) {
        return recording(delegate.getCache(cacheName));
    }

    /** The recording wrapper of {@code cache}; the cache itself when it cannot be wrapped (it has no name). */
    @SuppressWarnings("unchecked")
    private <K, V> Cache<K, V> recording(Cache<K, V> cache) {
        if (cache == null) {
            return null;
        }
        return Guard.call(() -> (Cache<K, V>) wrappers.compute(cache.getName(), (name, known) ->
                        known != null && known.wraps(cache) ? known : new RecordingCache<>(cache, recorder, this)),
                failure -> cache, "the cache panel could not wrap a cache; its calls are not recorded");
    }

    @Override
    public CachingProvider getCachingProvider() {
        return delegate.getCachingProvider();
    }

    @Override
    public URI getURI() {
        return delegate.getURI();
    }

    @Override
    public ClassLoader getClassLoader() {
        return delegate.getClassLoader();
    }

    @Override
    public Properties getProperties() {
        return delegate.getProperties();
    }

    @Override
    public Iterable<String> getCacheNames() {
        return delegate.getCacheNames();
    }

    @Override
    public void destroyCache(String cacheName) {
        delegate.destroyCache(cacheName);
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        delegate.enableManagement(cacheName, enabled);
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        delegate.enableStatistics(cacheName, enabled);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return delegate.unwrap(type);
    }
}
