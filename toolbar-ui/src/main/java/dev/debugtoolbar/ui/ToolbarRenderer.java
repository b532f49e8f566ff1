package dev.debugtoolbar.ui;

import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.panel.PanelError;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.redirects.RedirectsPanel;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the toolbar and its panels as HTML fragments from a stored {@link RequestRecord}, with a
 * Thymeleaf engine of its own. Every value is escaped by the templates ({@code th:text}); a panel whose
 * template fails to render shows that failure instead of its content. Thread-safe; create one per toolbar.
 */
public final class ToolbarRenderer {

    static final String TOOLBAR_TEMPLATE = "dev/debugtoolbar/ui/toolbar.html";
    static final String ERROR_TEMPLATE = "dev/debugtoolbar/ui/panel-error.html";
    static final String REDIRECT_TEMPLATE = "dev/debugtoolbar/ui/redirect.html";
    static final String OFF_TEMPLATE = "dev/debugtoolbar/ui/panel-off.html";

    private final TemplateEngine engine = new TemplateEngine();

    /** A renderer that finds built-in templates and user panels' templates on the classpath. */
    public ToolbarRenderer() {
        RecordAccessor.install();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
    }

    /**
     * The toolbar of one request: its summary and the nav of panel titles and subtitles.
     *
     * @param record the request
     * @param base   the URL path of the toolbar's endpoints, for example {@code /shop/__toolbar}
     */
    public String renderToolbar(RequestRecord record, String base) {
        List<PanelResult> panels = List.copyOf(record.panels().values());
        return render(TOOLBAR_TEMPLATE, Map.of("record", record, "panels", panels, "base", base));
    }

    /**
     * One panel's content. A failed panel, or one whose template fails, shows its error instead; a panel that
     * was switched off for the request says so.
     *
     * @param record the request
     * @param panel  one of the record's panel results
     * @param base   the URL path of the toolbar's endpoints
     */
    public String renderPanel(RequestRecord record, PanelResult panel, String base) {
        if (panel.failed()) {
            return renderError(record, panel, panel.error(), base);
        }
        if (panel.disabled()) {
            return render(OFF_TEMPLATE, Map.of("record", record, "panel", panel, "base", base));
        }
        Map<String, Object> variables = Map.of("record", record, "panel", panel, "stats", panel.stats(),
                "base", base);
        return Guard.call(() -> render(panel.template(), variables),
                failure -> renderError(record, panel, PanelError.of(failure), base),
                "template " + panel.template() + " of panel " + panel.id() + " failed to render");
    }

    /**
     * One fragment ({@code th:fragment="name"}) of a toolbar template, for endpoints that send part of a
     * panel, such as the next page of its rows.
     */
    public String renderFragment(String template, String fragment, Map<String, Object> variables) {
        return engine.process(template, Set.of(fragment), new Context(Locale.ROOT, variables));
    }

    /** A whole toolbar template with {@code variables}, such as the result of an EXPLAIN. */
    public String renderTemplate(String template, Map<String, Object> variables) {
        return render(template, variables);
    }

    /**
     * The whole page shown instead of an intercepted redirect: where the application sent the browser, with a
     * link to follow it (only for http, https and relative targets). The host injects the toolbar into it.
     *
     * @param record   the redirecting request
     * @param location the redirect's target as the application sent it
     * @param base     the URL path of the toolbar's endpoints
     */
    public String renderRedirectPage(RequestRecord record, String location, String base) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("record", record);
        variables.put("location", location);
        variables.put("link", RedirectsPanel.safeLink(location));
        variables.put("base", base);
        return render(REDIRECT_TEMPLATE, variables);
    }

    private String renderError(RequestRecord record, PanelResult panel, PanelError error, String base) {
        return render(ERROR_TEMPLATE, Map.of("record", record, "panel", panel, "error", error, "base", base));
    }

    private String render(String template, Map<String, Object> variables) {
        return engine.process(template, new Context(Locale.ROOT, variables));
    }
}
