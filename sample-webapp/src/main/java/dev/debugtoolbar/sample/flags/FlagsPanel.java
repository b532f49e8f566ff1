package dev.debugtoolbar.sample.flags;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.panel.PanelSettings;
import dev.debugtoolbar.core.panel.Timing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A custom toolbar panel: the feature flags a request evaluated, with their values and why. It uses only the
 * toolbar's public API, as any application's own panel would:
 * <ul>
 *   <li>collect during the request: {@link #listener(DebugToolbar)} puts each evaluation into the current
 *       request's context, under a {@link RequestContext.Key}, unless the user switched the panel off;</li>
 *   <li>summarise at the end: {@link #onRequestEnd} turns them into an immutable {@link FlagsStats};</li>
 *   <li>show: a nav subtitle, a {@code Server-Timing} entry, and the template
 *       {@code debugtoolbar/panels/sample.flags.html};</li>
 *   <li>its own setting: {@code maxEvaluations} (option {@code panel.sample.flags.maxEvaluations}, for example
 *       {@code -Ddebugtoolbar.panel.sample.flags.maxEvaluations=50}), how many evaluations to keep in order.</li>
 * </ul>
 */
public final class FlagsPanel implements Panel<FlagsStats> {

    /** The panel's id: a prefix of its own ({@code sample.}) keeps it apart from the built-in panels. */
    public static final String ID = "sample.flags";

    private static final RequestContext.Key<EvaluationLog> LOG =
            new RequestContext.Key<>("sample.flags.log", EvaluationLog.class);

    private volatile int maxEvaluations = 200;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Flags";
    }

    @Override
    public void configure(PanelSettings settings) {
        int max = settings.integer("maxEvaluations", maxEvaluations);
        if (max < 0) {
            throw new IllegalArgumentException("setting 'maxEvaluations' of panel " + ID + " must not be negative");
        }
        maxEvaluations = max;
    }

    /**
     * What the application's {@link FeatureFlags} report to: records each evaluation into the current request
     * of {@code toolbar}. Outside a recorded request, or with the panel switched off, it does nothing.
     */
    public FeatureFlags.Listener listener(DebugToolbar toolbar) {
        return (flag, on, reason, startNanos, durationNanos) -> toolbar.current()
                .filter(context -> context.isPanelEnabled(ID))
                .ifPresent(context -> context.computeIfAbsent(LOG, () -> new EvaluationLog(maxEvaluations))
                        .add(flag, on, reason, (startNanos - context.startNanos()) / 1e6, durationNanos / 1e6));
    }

    @Override
    public FlagsStats onRequestEnd(RequestContext context) {
        EvaluationLog log = context.get(LOG);
        return log == null ? new FlagsStats(0, 0, List.of(), List.of(), 0) : log.summary();
    }

    @Override
    public String subtitle(FlagsStats stats) {
        return stats.flags().size() + (stats.flags().size() == 1 ? " flag, " : " flags, ")
                + stats.evaluationCount() + (stats.evaluationCount() == 1 ? " check" : " checks");
    }

    @Override
    public List<Timing> timings(FlagsStats stats) {
        return List.of(new Timing("flags", stats.totalMillis(),
                String.format(Locale.ROOT, "Feature flags (%d checks)", stats.evaluationCount())));
    }

    /** The evaluations of one request; the request's threads may add to it concurrently. */
    private static final class EvaluationLog {
        private final int capacity;
        private final List<FlagsStats.Evaluation> kept = new ArrayList<>();
        private final Map<String, FlagsStats.FlagUse> uses = new LinkedHashMap<>();
        private int count;
        private double totalMillis;

        EvaluationLog(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(String flag, boolean on, String reason, double startMillis, double durationMillis) {
            count++;
            totalMillis += durationMillis;
            FlagsStats.FlagUse before = uses.get(flag);
            uses.put(flag, new FlagsStats.FlagUse(flag, on, reason, before == null ? 1 : before.times() + 1));
            if (kept.size() < capacity) {
                kept.add(new FlagsStats.Evaluation(flag, on, startMillis, durationMillis));
            }
        }

        synchronized FlagsStats summary() {
            return new FlagsStats(count, totalMillis, List.copyOf(uses.values()), kept, count - kept.size());
        }
    }
}
