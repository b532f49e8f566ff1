package dev.debugtoolbar.sample.flags;

import java.util.List;

/**
 * What the Flags panel shows for one request; served as JSON by the toolbar's API under
 * {@code panels["sample.flags"]}.
 *
 * @param evaluationCount how many times the request asked for a flag
 * @param totalMillis     the time those evaluations took together
 * @param flags           each flag asked for, in order of first use
 * @param evaluations     the evaluations in order, as many as the panel keeps
 * @param droppedCount    evaluations beyond the panel's {@code maxEvaluations} setting, counted only
 */
public record FlagsStats(int evaluationCount, double totalMillis, List<FlagUse> flags, List<Evaluation> evaluations,
                         int droppedCount) {

    /** Copies the lists. */
    public FlagsStats {
        flags = List.copyOf(flags);
        evaluations = List.copyOf(evaluations);
    }

    /**
     * One flag as the request used it.
     *
     * @param name   the flag
     * @param on     its value (the last one, should it have changed)
     * @param reason why it had that value
     * @param times  how many times it was asked for
     */
    public record FlagUse(String name, boolean on, String reason, int times) {
    }

    /**
     * One evaluation.
     *
     * @param flag           the flag
     * @param on             the answer
     * @param startMillis    when, in milliseconds since the request began
     * @param durationMillis how long it took
     */
    public record Evaluation(String flag, boolean on, double startMillis, double durationMillis) {
    }
}
