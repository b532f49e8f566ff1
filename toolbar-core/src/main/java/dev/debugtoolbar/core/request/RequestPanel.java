package dev.debugtoolbar.core.request;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestView;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;

import java.util.regex.Pattern;

/** The built-in Request panel. */
public final class RequestPanel implements Panel<RequestStats> {

    private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[a-zA-Z]+://[^/]+");

    private final Masking masking;

    /** A panel that masks what {@code masking} calls sensitive. */
    public RequestPanel(Masking masking) {
        this.masking = masking;
    }

    @Override
    public String id() {
        return "request";
    }

    @Override
    public String title() {
        return "Request";
    }

    @Override
    public RequestStats onRequestEnd(RequestContext context) {
        RequestView request = context.request();
        return new RequestStats(request.method(), request.url(), request.query(),
                request.remoteAddress(),
                masking.entries(request.queryParameters()), masking.entries(request.formParameters()),
                masking.singleEntries(request.cookies(), false),
                masking.singleEntries(request.sessionAttributes(), true));
    }

    @Override
    public String subtitle(RequestStats stats) {
        return stats.method() + " " + Text.cut(SCHEME_AND_HOST.matcher(stats.url()).replaceFirst(""), 40);
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/request.html";
    }
}
