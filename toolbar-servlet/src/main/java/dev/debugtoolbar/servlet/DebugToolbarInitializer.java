package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.servlet.internal.ToolbarRegistrations;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Zero-config set-up: the servlet container runs this initializer (listed in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}) for every web application with
 * {@code toolbar-servlet} on its class path. When the toolbar is enabled, it builds a toolbar (or takes the one
 * start-up code published as {@value DebugToolbarFilter#TOOLBAR_ATTRIBUTE} before it ran) and registers
 * {@link DebugToolbarFilter} as {@value #FILTER_NAME}, first in the chain on {@code /*} for {@code REQUEST}
 * dispatches, and publishes the toolbar as the context attribute {@value DebugToolbarFilter#TOOLBAR_ATTRIBUTE}.
 * When it is disabled, it does nothing at all.
 *
 * <p>Options are read by name as context parameters {@code debugtoolbar.<name>} (for example
 * {@code debugtoolbar.enabled} in {@code web.xml}), then system properties {@code debugtoolbar.<name>}, then
 * environment variables {@code DEBUG_TOOLBAR_<NAME>}; see {@link DebugToolbar.Builder}.
 *
 * <p>It never registers the filter twice: when the application has registered {@link DebugToolbarFilter}
 * already (in {@code web.xml}, or before this initializer ran), it leaves the application's alone; when the
 * application registers one later (from a listener), the automatic one steps aside when it is initialized.
 */
public final class DebugToolbarInitializer implements ServletContainerInitializer {

    /** The name under which the filter is registered. */
    public static final String FILTER_NAME = "debugToolbar";

    private static final System.Logger LOG = System.getLogger(DebugToolbarInitializer.class.getName());

    /** Created by the servlet container. */
    public DebugToolbarInitializer() {
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        DebugToolbar toolbar = DebugToolbarFilter.toolbar(context).orElseGet(() -> DebugToolbar.builder()
                .options(name -> context.getInitParameter("debugtoolbar." + name))
                .build());
        if (!toolbar.isEnabled()) {
            return;
        }
        String existing = ToolbarRegistrations.otherThan(context, null);
        if (existing != null) {
            LOG.log(System.Logger.Level.INFO, "The application registers the debug toolbar filter as ''{0}''"
                    + " itself; nothing is registered automatically", existing);
            return;
        }
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, DebugToolbarFilter.automatic(toolbar));
        if (registration == null) {
            LOG.log(System.Logger.Level.WARNING, "A filter named ''{0}'' exists already; the debug toolbar is not"
                    + " registered automatically: register DebugToolbarFilter yourself", FILTER_NAME);
            return;
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
        if (DebugToolbarFilter.toolbar(context).isEmpty()) {
            context.setAttribute(DebugToolbarFilter.TOOLBAR_ATTRIBUTE, toolbar);
        }
        LOG.log(System.Logger.Level.INFO, "Debug toolbar registered in {0} at {1}",
                context.getContextPath().isEmpty() ? "/" : context.getContextPath(), toolbar.config().pathPrefix());
    }
}
