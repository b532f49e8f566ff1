package dev.debugtoolbar.core.cache;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A JCache cache that records its data calls through a {@link CacheRecorder} and otherwise delegates. */
final class RecordingCache<K, V> implements Cache<K, V> {

    private final Cache<K, V> delegate;
    private final CacheRecorder recorder;
    private final CacheManager manager;
    private final String name;

    RecordingCache(Cache<K, V> delegate, CacheRecorder recorder, CacheManager manager) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.manager = manager;
        this.name = delegate.getName();
    }

    /** Whether this wraps exactly {@code cache}. */
    boolean wraps(Cache<?, ?> cache) {
        return delegate == cache;
    }

    @Override
    public V get(K key) {
        return recorder.get(name, key, () -> delegate.get(key));
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        return recorder.record(name, "getAll", keys, () -> delegate.getAll(keys),
                found -> found.size() == keys.size());
    }

    @Override
    public boolean containsKey(K key) {
        return recorder.record(name, "containsKey", key, () -> delegate.containsKey(key), Boolean::booleanValue);
    }

    @Override
    public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener completionListener) {
        delegate.loadAll(keys, replaceExistingValues, completionListener);
    }

    @Override
    public void put(K key, V value) {
        recorder.run(name, "put", key, () -> delegate.put(key, value));
    }

    @Override
    public V getAndPut(K key, V value) {
        return recorder.record(name, "getAndPut", key, () -> delegate.getAndPut(key, value), Objects::nonNull);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        recorder.run(name, "putAll", map == null ? null : map.keySet(), () -> delegate.putAll(map));
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        return recorder.record(name, "putIfAbsent", key, () -> delegate.putIfAbsent(key, value), put -> !put);
    }

    @Override
    public boolean remove(K key) {
        return recorder.record(name, "remove", key, () -> delegate.remove(key), Boolean::booleanValue);
    }

    @Override
    public boolean remove(K key, V oldValue) {
        return recorder.record(name, "remove", key, () -> delegate.remove(key, oldValue), Boolean::booleanValue);
    }

    @Override
    public V getAndRemove(K key) {
        return recorder.record(name, "getAndRemove", key, () -> delegate.getAndRemove(key), Objects::nonNull);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return recorder.record(name, "replace", key, () -> delegate.replace(key, oldValue, newValue),
                Boolean::booleanValue);
    }

    @Override
    public boolean replace(K key, V value) {
        return recorder.record(name, "replace", key, () -> delegate.replace(key, value), Boolean::booleanValue);
    }

    @Override
    public V getAndReplace(K key, V value) {
        return recorder.record(name, "getAndReplace", key, () -> delegate.getAndReplace(key, value),
                Objects::nonNull);
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        recorder.run(name, "removeAll", keys, () -> delegate.removeAll(keys));
    }

    @Override
    public void removeAll() {
        recorder.run(name, "removeAll", null, delegate::removeAll);
    }

    @Override
    public void clear() {
        recorder.run(name, "clear", null, delegate::clear);
    }

    @Override
    public <C extends Configuration<K, V>> C getConfiguration(Class<C> type) {
        return delegate.getConfiguration(type);
    }

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
        return recorder.record(name, "invoke", key, () -> delegate.invoke(key, processor, arguments));
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> processor,
                                                         Object... arguments) {
        return recorder.record(name, "invokeAll", keys, () -> delegate.invokeAll(keys, processor, arguments));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
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

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
        delegate.registerCacheEntryListener(configuration);
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> configuration) {
        delegate.deregisterCacheEntryListener(configuration);
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
        return delegate.iterator();
    }
}
