package dev.debugtoolbar.core.headers;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.panel.Panel;

/** The built-in Headers panel. */
public final class HeadersPanel implements Panel<HeadersStats> {

    private final Masking masking;

    /** A panel that masks what {@code masking} calls sensitive. */
    public HeadersPanel(Masking masking) {
        this.masking = masking;
    }

    @Override
    public String id() {
        return "headers";
    }

    @Override
    public String title() {
        return "Headers";
    }

    /** Its stats wait for the record's first reading: it reads the headers kept in the context. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public HeadersStats onRequestEnd(RequestContext context) {
        return new HeadersStats(masking.entries(context.request().headers()),
                masking.entries(context.response().headers()));
    }

    @Override
    public String subtitle(HeadersStats stats) {
        return stats.requestHeaders().size() + " in, " + stats.responseHeaders().size() + " out";
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/headers.html";
    }
}
