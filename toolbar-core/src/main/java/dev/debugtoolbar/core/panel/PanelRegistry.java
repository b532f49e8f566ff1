package dev.debugtoolbar.core.panel;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.cache.CachePanel;
import dev.debugtoolbar.core.callsite.StackFilter;
import dev.debugtoolbar.core.exceptions.ExceptionsPanel;
import dev.debugtoolbar.core.headers.HeadersPanel;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.history.HistoryPanel;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.logging.LogCapture;
import dev.debugtoolbar.core.logging.LoggingPanel;
import dev.debugtoolbar.core.redirects.RedirectsPanel;
import dev.debugtoolbar.core.request.RequestPanel;
import dev.debugtoolbar.core.sql.SqlDataSources;
import dev.debugtoolbar.core.settings.SettingsPanel;
import dev.debugtoolbar.core.sql.SqlPanel;
import dev.debugtoolbar.core.template.TemplatesPanel;
import dev.debugtoolbar.core.timeline.TimelinePanel;
import dev.debugtoolbar.core.timeline.TimelineSource;
import dev.debugtoolbar.core.timer.TimerPanel;
import dev.debugtoolbar.core.versions.VersionsPanel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/** The panels of one toolbar, in display order: built-in ones, then {@link ServiceLoader} ones, then the builder's. */
public final class PanelRegistry {

    private static final System.Logger LOG = System.getLogger(PanelRegistry.class.getName());
    private static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    private final List<Panel<?>> panels;
    private final Set<String> deferred = new HashSet<>();

    private PanelRegistry(List<Panel<?>> panels) {
        this.panels = List.copyOf(panels);
        for (Panel<?> panel : this.panels) {
            if (Guard.call(panel::deferred, failure -> false, "panel " + panel.id() + " failed to say if it waits")) {
                deferred.add(panel.id());
            }
        }
    }

    /**
     * The built-in panels plus those found by {@link ServiceLoader} plus {@code extra}; ids are validated.
     * The SQL panel knows the wrapped data sources from {@code dataSources}; the panels that show names and values
     * mask them with {@code masking}; the Logging panel reads what {@code logs} captures ({@code null}: nothing).
     */
    public static PanelRegistry create(ToolbarConfig config, Masking masking, List<Panel<?>> extra,
                                       SqlDataSources dataSources, LogCapture logs) {
        StackFilter stackFilter = config.stackFilter();
        SqlPanel sql = new SqlPanel(stackFilter, config.slowStatementMillis(), config.nPlusOneThreshold(),
                config.maxStacks(), dataSources);
        List<TimelineSource> timeline = List.of(
                new TimelineSource("sql", "SQL", "sql", RequestContext::sql),
                new TimelineSource("template", "Templates", "templates", TemplatesPanel::timedEvents),
                new TimelineSource("cache", "Cache", "cache", CachePanel::timedEvents));
        List<Panel<?>> builtIn = List.of(new RequestPanel(masking), new TimerPanel(), new TimelinePanel(timeline),
                sql,
                new TemplatesPanel(config.maxTemplates(), masking), new CachePanel(config.maxCacheCalls(), config.maxStacks(), stackFilter),
                new HeadersPanel(masking), new SettingsPanel(config, masking), new VersionsPanel(),
                new LoggingPanel(stackFilter, config.maxStacks(), logs == null ? List::of : logs::frameworks),
                new ExceptionsPanel(stackFilter), new RedirectsPanel(config, masking), new HistoryPanel());
        List<Panel<?>> user = new ArrayList<>(discovered());
        user.addAll(extra);
        Set<String> ids = new HashSet<>();
        builtIn.forEach(panel -> ids.add(panel.id()));
        for (Panel<?> panel : user) {
            String id = panel.id();
            if (id == null || !ID.matcher(id).matches() || id.indexOf('.') < 0) {
                throw new IllegalArgumentException("panel " + panel.getClass().getName() + " has id '" + id
                        + "': a user panel id is lower-case letters, digits, '.' and '-', with a prefix of its"
                        + " own such as 'acme.flags'");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("two panels have the id '" + id + "'");
            }
        }
        List<Panel<?>> all = new ArrayList<>(builtIn);
        all.addAll(user);
        return new PanelRegistry(all);
    }

    private static List<Panel<?>> discovered() {
        List<Panel<?>> found = new ArrayList<>();
        try {
            ServiceLoader.load(Panel.class).stream().forEach(provider -> {
                try {
                    found.add(provider.get());
                } catch (ServiceConfigurationError e) {
                    LOG.log(System.Logger.Level.WARNING, "panel " + provider.type().getName()
                            + " from META-INF/services could not be created; it is left out", e);
                }
            });
        } catch (ServiceConfigurationError e) {
            LOG.log(System.Logger.Level.WARNING, "the panels in META-INF/services could not be listed", e);
        }
        return found;
    }

    /** All panels in display order. */
    public List<Panel<?>> all() {
        return panels;
    }

    /** Whether the panel's stats wait for the record's first reading ({@link Panel#deferred}, asked once). */
    public boolean isDeferred(Panel<?> panel) {
        return deferred.contains(panel.id());
    }

    /** Their ids in display order. */
    public List<String> ids() {
        return panels.stream().map(Panel::id).toList();
    }
}
