package dev.debugtoolbar.core.panel;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Guard;

import java.util.List;

/**
 * One panel's outcome for one request: its stats, the error that kept it from having them, or the fact that
 * the user had switched it off.
 *
 * @param id       the panel's id
 * @param title    its nav title
 * @param subtitle its nav subtitle (empty when it failed or was off)
 * @param template the classpath location of its template
 * @param stats    its stats, or {@code null} when it failed or was off
 * @param error    the failure, or {@code null}
 * @param timings  its {@code Server-Timing} metrics
 * @param disabled whether the panel was switched off for this request, so that it collected nothing
 */
public record PanelResult(String id, String title, String subtitle, String template, Object stats,
                          PanelError error, List<Timing> timings, boolean disabled) {

    /** Copies the timings. */
    public PanelResult {
        timings = timings == null ? List.of() : List.copyOf(timings);
    }

    /** The result of a panel that was on for the request: with stats, or with an error. */
    public PanelResult(String id, String title, String subtitle, String template, Object stats,
                       PanelError error, List<Timing> timings) {
        this(id, title, subtitle, template, stats, error, timings, false);
    }

    /** Whether the panel failed for this request. */
    public boolean failed() {
        return error != null;
    }

    /** The result of a panel that was switched off for the request: its title only. */
    public static PanelResult disabled(Panel<?> panel) {
        return new PanelResult(panel.id(), titleOf(panel), "", "", null, null, List.of(), true);
    }

    /**
     * Runs the panel's end hook and subtitle for {@code context}; a failure becomes an error result, and a
     * panel switched off for the request gives a {@link #disabled} result without being asked.
     */
    public static <S> PanelResult collect(Panel<S> panel, RequestContext context) {
        String id = panel.id();
        if (!context.isPanelEnabled(id)) {
            return disabled(panel);
        }
        String title = titleOf(panel);
        String template = Guard.call(panel::template, failure -> "", "panel " + id + " failed to give its template");
        Throwable startFailure = context.startFailure(id);
        if (startFailure != null) {
            return failed(id, title, template, startFailure);
        }
        return Guard.call(() -> {
            S stats = panel.onRequestEnd(context);
            String subtitle = Guard.call(() -> panel.subtitle(stats), failure -> "",
                    "panel " + id + " failed to give its subtitle");
            List<Timing> timings = Guard.call(() -> panel.timings(stats), failure -> List.of(),
                    "panel " + id + " failed to give its timings");
            return new PanelResult(id, title, subtitle == null ? "" : subtitle, template, stats, null, timings);
        }, failure -> failed(id, title, template, failure), "panel " + id + " failed at request end");
    }

    private static PanelResult failed(String id, String title, String template, Throwable failure) {
        return new PanelResult(id, title, "", template, null, PanelError.of(failure), List.of());
    }

    private static String titleOf(Panel<?> panel) {
        String id = panel.id();
        return Guard.call(panel::title, failure -> id, "panel " + id + " failed to give its title");
    }
}
