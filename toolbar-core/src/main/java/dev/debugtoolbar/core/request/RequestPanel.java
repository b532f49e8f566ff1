package dev.debugtoolbar.core.request;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestView;
import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The built-in Request panel. */
public final class RequestPanel implements Panel<RequestStats> {

    /** What a masked value shows instead of itself. */
    public static final String MASK = "••••••••";

    private final ToolbarConfig config;

    /** A panel that masks the values of names {@code config} calls sensitive. */
    public RequestPanel(ToolbarConfig config) {
        this.config = config;
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
        return new RequestStats(request.method(), request.url(), request.query(), request.remoteAddress(),
                multiValued(request.queryParameters()), multiValued(request.formParameters()),
                singleValued(request.cookies()), sessionAttributes(request.sessionAttributes()));
    }

    @Override
    public String subtitle(RequestStats stats) {
        return stats.method() + " " + Text.cut(stats.url().replaceFirst("^[a-z]+://[^/]+", ""), 40);
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/request.html";
    }

    private List<RequestStats.Entry> multiValued(Map<String, List<String>> values) {
        List<RequestStats.Entry> entries = new ArrayList<>();
        values.forEach((name, list) -> list.forEach(value -> entries.add(entry(name, value, null))));
        return entries;
    }

    private List<RequestStats.Entry> singleValued(Map<String, String> values) {
        List<RequestStats.Entry> entries = new ArrayList<>();
        values.forEach((name, value) -> entries.add(entry(name, value, null)));
        return entries;
    }

    private List<RequestStats.Entry> sessionAttributes(Map<String, Object> attributes) {
        List<RequestStats.Entry> entries = new ArrayList<>();
        attributes.forEach((name, value) ->
                entries.add(entry(name, value, value == null ? null : value.getClass().getName())));
        return entries;
    }

    private RequestStats.Entry entry(String name, Object value, String type) {
        boolean masked = config.isSensitive(name);
        return new RequestStats.Entry(name, masked ? MASK : Text.preview(value), type, masked);
    }
}
