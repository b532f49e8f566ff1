package dev.debugtoolbar.sample.flags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The shop's feature flags: each has a rule that decides, per request, whether it is on. Pages ask while
 * they render ({@code ${flags.on('prices-in-eur')}} in a template); every answer is reported to a
 * {@link Listener}, which is how the toolbar's Flags panel learns about them. The flag service knows nothing
 * of the toolbar.
 */
public final class FeatureFlags {

    private final Map<String, Flag> flags = new LinkedHashMap<>();
    private final Listener listener;

    /** Flags with these definitions, reporting every evaluation to {@code listener}. */
    public FeatureFlags(List<Flag> flags, Listener listener) {
        flags.forEach(flag -> this.flags.put(flag.name(), flag));
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The shop's flags: one on for everyone, one for visitors who ask for the preview, one rolled out to half. */
    public static FeatureFlags ofTheShop(Listener listener) {
        return new FeatureFlags(List.of(
                new Flag("new-book-cards", "books shown as cards", request -> true, "on for everyone"),
                new Flag("show-ratings", "ratings beside each book", request -> request.preview(),
                        "on when the page is opened with ?preview=true"),
                new Flag("prices-in-eur", "prices in euros", request -> request.bucket() < 50,
                        "rolled out to buckets 0-49 of 100")),
                listener);
    }

    /** The flags as one request sees them; hand this to the page's template. */
    public RequestFlags forRequest(Visitor visitor) {
        return new RequestFlags(visitor);
    }

    /**
     * Who is asking: what the rules may look at.
     *
     * @param preview whether the visitor asked for the preview
     * @param bucket  the visitor's rollout bucket, 0 to 99
     */
    public record Visitor(boolean preview, int bucket) {
        /** In words, for the toolbar. */
        public String describe() {
            return "bucket " + bucket + (preview ? ", preview asked for" : ", no preview");
        }
    }

    /**
     * One flag.
     *
     * @param name        its name, as templates ask for it
     * @param description what it switches
     * @param rule        whether it is on for a visitor
     * @param ruleText    the rule in words, for the toolbar
     */
    public record Flag(String name, String description, Predicate<Visitor> rule, String ruleText) {
    }

    /** Hears every evaluation of a flag. */
    @FunctionalInterface
    public interface Listener {
        /**
         * A flag was evaluated.
         *
         * @param flag           the flag's name
         * @param on             the answer
         * @param reason         why, in words
         * @param startNanos     when the evaluation began ({@link System#nanoTime()})
         * @param durationNanos  how long it took
         */
        void evaluated(String flag, boolean on, String reason, long startNanos, long durationNanos);
    }

    /** The flags of one request. */
    public final class RequestFlags {
        private final Visitor visitor;

        private RequestFlags(Visitor visitor) {
            this.visitor = visitor;
        }

        /** Whether flag {@code name} is on for this request; an unknown flag is off. */
        public boolean on(String name) {
            long start = System.nanoTime();
            Flag flag = flags.get(name);
            boolean on = flag != null && flag.rule().test(visitor);
            String reason = (flag == null ? "no such flag" : flag.ruleText()) + "; this visitor: " + visitor.describe();
            listener.evaluated(name, on, reason, start, System.nanoTime() - start);
            return on;
        }
    }
}
