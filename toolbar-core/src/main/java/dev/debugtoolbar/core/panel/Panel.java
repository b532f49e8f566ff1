package dev.debugtoolbar.core.panel;

import dev.debugtoolbar.core.RequestContext;

import java.util.List;

/**
 * One panel of the toolbar. Built-in panels and user panels implement this same interface; a user panel is
 * registered with {@link dev.debugtoolbar.core.DebugToolbar.Builder#panel(Panel)} or found by
 * {@link java.util.ServiceLoader} (a public no-argument constructor and a line in
 * {@code META-INF/services/dev.debugtoolbar.core.panel.Panel}).
 *
 * <p>Its lifecycle:
 * <ol>
 *   <li>{@link #configure} once, when the toolbar is built (optional): read the panel's own settings;</li>
 *   <li>{@link #onRequestStart} when a request begins (optional): remember what is needed later, in the
 *       context under a {@link RequestContext.Key};</li>
 *   <li>while the request runs, the application's code (or a collector the panel provides) puts raw facts
 *       into the {@link RequestContext} of {@link dev.debugtoolbar.core.DebugToolbar#current()}, after
 *       checking {@link RequestContext#isPanelEnabled(String)};</li>
 *   <li>{@link #onRequestEnd} summarises them once into immutable, Jackson-serializable stats (a record),
 *       which the JSON API serves as {@code panels.<id>}: as the request ends, or, for a {@linkplain #deferred
 *       deferred} panel, when the request's record is first read; before they are kept, every text in stats made
 *       of records, lists, sets and maps is masked as {@code sensitiveNames} says (see docs/security.md);</li>
 *   <li>later, and only from those stats, the toolbar shows {@link #subtitle} in its nav, adds
 *       {@link #timings} to the response's {@code Server-Timing} header, and renders {@link #template()}
 *       when the panel is opened.</li>
 * </ol>
 * A panel the user switched off in the toolbar gets neither hook for the requests that follow, and shows as
 * off. A panel is shared by all requests and must keep no per-request state in fields. A panel that throws is
 * contained: the error is logged and shown inside the panel, and the host page is unaffected.
 *
 * @param <S> the type of the panel's stats
 */
public interface Panel<S> {

    /**
     * A stable id: lower-case letters, digits, dots and dashes. User panels carry a prefix of their own,
     * for example {@code acme.flags}, so they never clash with the built-in ones.
     */
    String id();

    /** The title in the toolbar's nav, for example {@code SQL}. */
    String title();

    /**
     * Called once when an enabled toolbar is built, before any request, with the settings addressed to this
     * panel; the default ignores them. Keep what is read in fields. A setting that cannot be read fails the
     * build with a message naming it.
     */
    default void configure(PanelSettings settings) {
    }

    /** Called when a request begins; the default does nothing. */
    default void onRequestStart(RequestContext context) {
    }

    /**
     * Summarises the request into this panel's stats; called once, when the request ends or, for a
     * {@linkplain #deferred deferred} panel, when the record is first read.
     */
    S onRequestEnd(RequestContext context);

    /**
     * Whether {@link #onRequestEnd} may wait until the request's record is first read (the toolbar opened, the
     * JSON API or a test asking) instead of running on the request's thread as it ends. The page is then not held
     * up by this panel's summary, and requests nobody looks at never pay for it. Say so only when the end hook
     * reads nothing but the facts collectors put into the context (its values, {@link RequestContext#sql()},
     * {@link RequestContext#exceptions()}, the duration, the response, the request's URL and headers) and may
     * run on any thread: the live request is gone by then, and reading its parameters, cookies or session
     * fails. The {@code Server-Timing} header, which must be sent with the page, takes such a panel's metrics
     * from {@link #deferredTimings}. Asked once, when the toolbar is built. Default {@code false}.
     */
    default boolean deferred() {
        return false;
    }

    /**
     * For a {@linkplain #deferred deferred} panel, its {@code Server-Timing} metrics, read cheaply from the context
     * as the request ends (such as running totals a collector kept); default none. Other panels give
     * {@link #timings}.
     */
    default List<Timing> deferredTimings(RequestContext context) {
        return List.of();
    }

    /** A short line under the title in the nav, for example {@code 12 queries in 3.4 ms}; default none. */
    default String subtitle(S stats) {
        return "";
    }

    /**
     * Metrics for the response's {@code Server-Timing} header, for example the time spent in this panel's
     * kind of work; default none. Not asked of a {@linkplain #deferred deferred} panel.
     */
    default List<Timing> timings(S stats) {
        return List.of();
    }

    /**
     * The classpath location of the Thymeleaf (HTML mode) template that renders the stats, with the
     * variables {@code stats}, {@code panel} (the {@link PanelResult}), {@code record} and {@code base}. It
     * may use the toolbar's shared fragments in {@code dev/debugtoolbar/ui/fragments.html}. The default is
     * {@code debugtoolbar/panels/<id>.html}.
     */
    default String template() {
        return "debugtoolbar/panels/" + id() + ".html";
    }
}
