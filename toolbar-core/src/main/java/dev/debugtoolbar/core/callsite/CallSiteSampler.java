package dev.debugtoolbar.core.callsite;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides, per request, which calls pay for a stack. A call whose key (the SQL text, a cache name and
 * operation) is new gets a capture of its own; so do its second occurrence and then every occurrence
 * whose number is a power of two (4, 8, 16, ...), so that a key used from two places is still seen from
 * both. Every other occurrence shares the latest capture of its key, marked as inferred: a loop that runs
 * one statement 500 times costs 10 captures, not 500. At most {@code maxStacks} captures are taken per
 * request; after that, new keys get none.
 *
 * <p>Not thread-safe: the collector calls it under its own lock.
 */
public final class CallSiteSampler {

    /** What a call gets: a capture (or {@code null}) and whether it is shared with an earlier call. */
    public record Sample(StackCapture capture, boolean inferred) {
        static final Sample NONE = new Sample(null, false);
    }

    private final int maxStacks;
    private final Map<Object, Occurrences> byKey = new HashMap<>();
    private int captured;
    private boolean limitReached;

    /** A sampler that takes at most {@code maxStacks} stacks. */
    public CallSiteSampler(int maxStacks) {
        this.maxStacks = maxStacks;
    }

    /** The capture for the next call with {@code key}, taken now on the calling thread when it needs one. */
    public Sample sample(Object key) {
        Occurrences occurrences = byKey.get(key);
        if (occurrences == null) {
            occurrences = new Occurrences();
            byKey.put(key, occurrences);
        }
        int number = ++occurrences.count;
        boolean wanted = number <= 2 || Integer.bitCount(number) == 1 || occurrences.latest == null;
        if (wanted && captured < maxStacks) {
            captured++;
            occurrences.latest = StackCapture.capture();
            return new Sample(occurrences.latest, false);
        }
        limitReached |= wanted;
        return occurrences.latest == null ? Sample.NONE : new Sample(occurrences.latest, true);
    }

    /** How many stacks were captured. */
    public int captured() {
        return captured;
    }

    /** Whether a call went without a stack of its own because the limit was reached. */
    public boolean limitReached() {
        return limitReached;
    }

    private static final class Occurrences {
        int count;
        StackCapture latest;
    }
}
