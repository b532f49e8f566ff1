package dev.debugtoolbar.core.template;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Guard;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.engine.TemplateData;

import java.util.Map;

/**
 * Creates engine contexts with the engine's own factory and, while a request is recorded on the thread,
 * wraps them so that the templates they render are recorded. Otherwise the only cost is one thread-local
 * read per template the application renders.
 */
final class RecordingEngineContextFactory implements IEngineContextFactory {

    private final IEngineContextFactory delegate;
    private final DebugToolbar toolbar;

    RecordingEngineContextFactory(IEngineContextFactory delegate, DebugToolbar toolbar) {
        this.delegate = delegate;
        this.toolbar = toolbar;
    }

    /** Whether this factory records for {@code other}. */
    boolean recordsFor(DebugToolbar other) {
        return toolbar == other;
    }

    @Override
    public IEngineContext createEngineContext(IEngineConfiguration configuration, TemplateData templateData,
                                              Map<String, Object> templateResolutionAttributes, IContext context) {
        IEngineContext created = delegate.createEngineContext(configuration, templateData,
                templateResolutionAttributes, context);
        RequestContext request = toolbar.current().orElse(null);
        TemplateLog log = request == null ? null : request.get(TemplateLog.KEY);
        if (log == null) {
            return created;
        }
        return Guard.call(
                () -> RecordingEngineContext.of(created, new TemplateTracker(log, templateData, context)),
                failure -> created, "the templates panel could not follow " + templateData.getTemplate());
    }
}
