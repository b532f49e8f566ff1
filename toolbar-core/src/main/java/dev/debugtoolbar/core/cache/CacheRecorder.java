package dev.debugtoolbar.core.cache;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.callsite.StackCapture;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.internal.Text;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reports the calls of any cache to the Cache panel: wrap each call in one of these methods and it is
 * timed and recorded with its cache name, operation, key, hit or miss and call site. For example, for
 * Caffeine's own API, a {@code Map} or Spring's {@code Cache}:
 *
 * <pre>{@code
 * CacheRecorder recorder = CacheRecorder.of(toolbar);
 * Book book = recorder.get("books", id, () -> caffeine.getIfPresent(id));    // a hit when not null
 * recorder.run("books", "put", id, () -> caffeine.put(id, loaded));
 * boolean added = recorder.record("books", "putIfAbsent", id,
 *         () -> map.putIfAbsent(id, loaded) == null, put -> !put);          // a hit when it was there
 * ValueWrapper cached = recorder.get(springCache.getName(), id, () -> springCache.get(id));
 * }</pre>
 *
 * The call's result and exceptions reach the caller unchanged, whatever the recording meets (a key whose
 * {@code toString} or {@code hashCode} throws, a {@code null} name, a hit test that fails): its failures are
 * logged, never thrown. While no request is being recorded on the
 * thread (start-up, background work, a disabled toolbar) the call just runs: one thread-local read.
 * Keys of caches whose name looks secret (per {@code sensitiveNames}) are masked. Thread-safe.
 */
public final class CacheRecorder {

    private final DebugToolbar toolbar;

    private CacheRecorder(DebugToolbar toolbar) {
        this.toolbar = toolbar;
    }

    /** A recorder that reports to {@code toolbar}'s current request; the Cache panel then counts as instrumented. */
    public static CacheRecorder of(DebugToolbar toolbar) {
        Objects.requireNonNull(toolbar, "toolbar").panels().forEach(panel -> {
            if (panel instanceof CachePanel cache) {
                cache.instrumented();
            }
        });
        return new CacheRecorder(toolbar);
    }

    /** Runs a lookup and records it as {@code get}: a hit when it returns a value, a miss when {@code null}. */
    public <V> V get(String cache, Object key, Supplier<V> lookup) {
        return record(cache, "get", key, lookup, Objects::nonNull);
    }

    /** Runs a call whose result does not tell a hit from a miss (an {@code invoke}, a {@code compute}). */
    public <T> T record(String cache, String operation, Object key, Supplier<T> call) {
        return record(cache, operation, key, call, null);
    }

    /** Runs a call without a result (a {@code put}, an {@code evict}, a {@code clear}); {@code key} may be null. */
    public void run(String cache, String operation, Object key, Runnable call) {
        record(cache, operation, key, () -> {
            call.run();
            return null;
        }, null);
    }

    /**
     * Runs a call and records it; {@code hit} tells from the result whether the entry was there.
     *
     * @param cache     the cache's name
     * @param operation the operation, for example {@code getIfPresent}
     * @param key       the key (or the keys of a bulk call), shown as a short preview; may be null
     * @param call      the call to the cache
     * @param hit       whether a result means the entry was there, or {@code null} when results do not tell
     * @return the call's result
     */
    public <T> T record(String cache, String operation, Object key, Supplier<T> call, Predicate<? super T> hit) {
        RequestContext context = toolbar.current().orElse(null);
        CacheLog log = context == null ? null : context.get(CacheLog.KEY);
        if (log == null) {
            return call.get();
        }
        Started started = Guard.call(() -> new Started(log.callSite(cache, operation),
                toolbar.config().isSensitive(cache) ? Masking.MASK : Text.preview(key)), failure -> null,
                "the cache panel could not record a call");
        if (started == null) {
            return call.get();
        }
        long start = System.nanoTime();
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error failure) {
            long duration = System.nanoTime() - start;
            Guard.run(() -> log.record(cache, operation, started.key(), null, start, duration, started.callSite(),
                    Text.preview(failure)), ignored -> { }, "the cache panel could not record a failed call");
            throw failure;
        }
        long duration = System.nanoTime() - start;
        Guard.run(() -> log.record(cache, operation, started.key(), classify(hit, result), start,
                duration, started.callSite(), null), ignored -> { }, "the cache panel could not record a call");
        return result;
    }

    private static <T> Boolean classify(Predicate<? super T> hit, T result) {
        return hit == null ? null : Guard.call(() -> hit.test(result), failure -> null,
                "the cache panel could not tell a hit from a miss");
    }

    /** What is known of a call before it runs: its call site and its key's preview. */
    private record Started(StackCapture callSite, String key) {
    }
}
