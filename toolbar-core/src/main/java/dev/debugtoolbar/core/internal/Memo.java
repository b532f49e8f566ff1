package dev.debugtoolbar.core.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a pure function, remembered for the first {@code capacity} keys asked about; later keys are
 * worked out on every call, so the memory stays bounded whatever the keys. For the work a toolbar repeats
 * request after request on the same few values (names, SQL texts, client addresses). Thread-safe; keys and
 * answers are never {@code null}.
 *
 * @param <K> the key type
 * @param <V> the answer type
 */
public final class Memo<K, V> {

    private final int capacity;
    private final Function<? super K, ? extends V> function;
    private final Map<K, V> answers = new ConcurrentHashMap<>();

    /** Remembers {@code function}'s answers for up to {@code capacity} keys. */
    public Memo(int capacity, Function<? super K, ? extends V> function) {
        this.capacity = capacity;
        this.function = Objects.requireNonNull(function, "function");
    }

    /** The function's answer for {@code key}. */
    public V get(K key) {
        V known = answers.get(key);
        if (known == null) {
            known = Objects.requireNonNull(function.apply(key), "answer");
            if (answers.size() < capacity) {
                answers.put(key, known);
            }
        }
        return known;
    }
}
