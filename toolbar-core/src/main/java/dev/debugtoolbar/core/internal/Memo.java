package dev.debugtoolbar.core.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The answers of a pure function, remembered for the first keys asked about, within bounds on their number and
 * their size; other keys are worked out on every call, so the memory stays bounded whatever the keys. A key (or
 * a text answer) longer than {@code maxKeyChars} is never remembered, and the remembered keys and text answers
 * together hold at most {@code maxChars} characters. For the work a toolbar repeats request after request on the
 * same few values (names, SQL texts, client addresses). An answer that is not text is taken to be small, or
 * made of its key's text. Thread-safe; keys and answers are never {@code null}.
 *
 * @param <K> the key type, text such as a name or an SQL text
 * @param <V> the answer type
 */
public final class Memo<K extends CharSequence, V> {

    /** The longest key remembered by a memo made with {@link #Memo(int, Function)}. */
    public static final int DEFAULT_MAX_KEY_CHARS = 256;

    /** The characters remembered in all by a memo made with {@link #Memo(int, Function)}. */
    public static final long DEFAULT_MAX_CHARS = 256 * 1024;

    private final int capacity;
    private final int maxKeyChars;
    private final long maxChars;
    private final Function<? super K, ? extends V> function;
    private final Map<K, V> answers = new ConcurrentHashMap<>();
    private final AtomicLong chars = new AtomicLong();

    /**
     * Remembers {@code function}'s answers for up to {@code capacity} keys of at most
     * {@value #DEFAULT_MAX_KEY_CHARS} characters, {@value #DEFAULT_MAX_CHARS} characters in all.
     */
    public Memo(int capacity, Function<? super K, ? extends V> function) {
        this(capacity, DEFAULT_MAX_KEY_CHARS, DEFAULT_MAX_CHARS, function);
    }

    /**
     * Remembers {@code function}'s answers for up to {@code capacity} keys of at most {@code maxKeyChars}
     * characters (text answers too), keys and text answers holding at most {@code maxChars} characters in all.
     */
    public Memo(int capacity, int maxKeyChars, long maxChars, Function<? super K, ? extends V> function) {
        this.capacity = capacity;
        this.maxKeyChars = maxKeyChars;
        this.maxChars = maxChars;
        this.function = Objects.requireNonNull(function, "function");
    }

    /** The function's answer for {@code key}. */
    public V get(K key) {
        V known = answers.get(key);
        if (known == null) {
            known = Objects.requireNonNull(function.apply(key), "answer");
            remember(key, known);
        }
        return known;
    }

    private void remember(K key, V answer) {
        int answerChars = answer instanceof CharSequence text ? text.length() : 0;
        if (key.length() > maxKeyChars || answerChars > maxKeyChars || answers.size() >= capacity) {
            return;
        }
        long size = key.length() + answerChars;
        if (chars.addAndGet(size) > maxChars || answers.putIfAbsent(key, answer) != null) {
            chars.addAndGet(-size);
        }
    }

    /** How many keys are remembered now. */
    public int size() {
        return answers.size();
    }

    /** The characters of the keys and text answers remembered now; at most the {@code maxChars} given. */
    public long chars() {
        return chars.get();
    }
}
