package dev.debugtoolbar.core.panel;

import dev.debugtoolbar.core.RequestContext;

/**
 * One panel of the toolbar. Its lifecycle for every recorded request:
 * <ol>
 *   <li>{@link #onRequestStart} when the request begins (optional): remember what is needed later, in the
 *       context under a {@link RequestContext.Key};</li>
 *   <li>collectors put raw facts into the {@link RequestContext} while the request runs;</li>
 *   <li>{@link #onRequestEnd} summarises them once into immutable, Jackson-serializable stats (a record);</li>
 *   <li>later, and only from those stats, the toolbar shows {@link #subtitle} in its nav and renders
 *       {@link #template()} with the variable {@code stats} when the panel is opened.</li>
 * </ol>
 * A panel is shared by all requests and must keep no per-request state in fields. A panel that throws is
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

    /** Called when a request begins; the default does nothing. */
    default void onRequestStart(RequestContext context) {
    }

    /** Summarises the request into this panel's stats; called once when the request ends. */
    S onRequestEnd(RequestContext context);

    /** A short line under the title in the nav, for example {@code 12 queries in 3.4 ms}; default none. */
    default String subtitle(S stats) {
        return "";
    }

    /**
     * Metrics for the response's {@code Server-Timing} header, for example the time spent in this panel's
     * kind of work; default none.
     */
    default java.util.List<Timing> timings(S stats) {
        return java.util.List.of();
    }

    /**
     * The classpath location of the Thymeleaf (HTML mode) template that renders the stats, with the
     * variables {@code stats}, {@code panel} (the {@link PanelResult}) and {@code record}. The default is
     * {@code debugtoolbar/panels/<id>.html}.
     */
    default String template() {
        return "debugtoolbar/panels/" + id() + ".html";
    }
}
