package dev.debugtoolbar.core.template;

import dev.debugtoolbar.core.internal.Guard;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.IdentifierSequences;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.expression.IExpressionObjects;
import org.thymeleaf.inline.IInliner;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.web.IWebExchange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An engine context that delegates everything to the one the engine created and tells a
 * {@link TemplateTracker} about level changes, variables and template data. A context that is also an
 * {@link IWebContext} stays one ({@link Web}), so links and web expression objects keep working.
 */
class RecordingEngineContext implements IEngineContext {

    private final IEngineContext delegate;
    private final TemplateTracker tracker;

    RecordingEngineContext(IEngineContext delegate, TemplateTracker tracker) {
        this.delegate = delegate;
        this.tracker = tracker;
    }

    /** A recording context of the same kind (web or not) as {@code delegate}. */
    static IEngineContext of(IEngineContext delegate, TemplateTracker tracker) {
        return delegate instanceof IWebContext web
                ? new Web(delegate, web, tracker) : new RecordingEngineContext(delegate, tracker);
    }

    private static void track(Guard.Action action) {
        Guard.run(action, failure -> { }, "the templates panel failed to follow a template");
    }

    @Override
    public void setVariable(String name, Object value) {
        delegate.setVariable(name, value);
        track(() -> tracker.variableSet(delegate.level(), name, value));
    }

    @Override
    public void setVariables(Map<String, Object> variables) {
        delegate.setVariables(variables);
        if (variables != null) {
            track(() -> variables.forEach((name, value) -> tracker.variableSet(delegate.level(), name, value)));
        }
    }

    @Override
    public void setTemplateData(TemplateData templateData) {
        delegate.setTemplateData(templateData);
        if (templateData != null) {
            track(() -> tracker.templateSet(delegate.level(), templateData));
        }
    }

    @Override
    public void increaseLevel() {
        delegate.increaseLevel();
        track(tracker::levelIncreased);
    }

    @Override
    public void decreaseLevel() {
        int level = delegate.level();
        delegate.decreaseLevel();
        track(() -> tracker.levelLeft(level));
    }

    @Override
    public int level() {
        return delegate.level();
    }

    @Override
    public void removeVariable(String name) {
        delegate.removeVariable(name);
    }

    @Override
    public void setSelectionTarget(Object selectionTarget) {
        delegate.setSelectionTarget(selectionTarget);
    }

    @Override
    public void setInliner(IInliner inliner) {
        delegate.setInliner(inliner);
    }

    @Override
    public void setElementTag(IProcessableElementTag elementTag) {
        delegate.setElementTag(elementTag);
    }

    @Override
    public List<IProcessableElementTag> getElementStackAbove(int contextLevel) {
        return delegate.getElementStackAbove(contextLevel);
    }

    @Override
    public boolean isVariableLocal(String name) {
        return delegate.isVariableLocal(name);
    }

    @Override
    public TemplateData getTemplateData() {
        return delegate.getTemplateData();
    }

    @Override
    public TemplateMode getTemplateMode() {
        return delegate.getTemplateMode();
    }

    @Override
    public List<TemplateData> getTemplateStack() {
        return delegate.getTemplateStack();
    }

    @Override
    public List<IProcessableElementTag> getElementStack() {
        return delegate.getElementStack();
    }

    @Override
    public Map<String, Object> getTemplateResolutionAttributes() {
        return delegate.getTemplateResolutionAttributes();
    }

    @Override
    public IModelFactory getModelFactory() {
        return delegate.getModelFactory();
    }

    @Override
    public boolean hasSelectionTarget() {
        return delegate.hasSelectionTarget();
    }

    @Override
    public Object getSelectionTarget() {
        return delegate.getSelectionTarget();
    }

    @Override
    public IInliner getInliner() {
        return delegate.getInliner();
    }

    @Override
    public String getMessage(Class<?> origin, String key, Object[] messageParameters, boolean absentRepresentation) {
        return delegate.getMessage(origin, key, messageParameters, absentRepresentation);
    }

    @Override
    public String buildLink(String base, Map<String, Object> parameters) {
        return delegate.buildLink(base, parameters);
    }

    @Override
    public IdentifierSequences getIdentifierSequences() {
        return delegate.getIdentifierSequences();
    }

    @Override
    public IEngineConfiguration getConfiguration() {
        return delegate.getConfiguration();
    }

    @Override
    public IExpressionObjects getExpressionObjects() {
        return delegate.getExpressionObjects();
    }

    @Override
    public Locale getLocale() {
        return delegate.getLocale();
    }

    @Override
    public boolean containsVariable(String name) {
        return delegate.containsVariable(name);
    }

    @Override
    public Set<String> getVariableNames() {
        return delegate.getVariableNames();
    }

    @Override
    public Object getVariable(String name) {
        return delegate.getVariable(name);
    }

    /** The recording context of a web context, such as one built on Thymeleaf's Jakarta servlet exchange. */
    static final class Web extends RecordingEngineContext implements IWebContext {

        private final IWebContext web;

        Web(IEngineContext delegate, IWebContext web, TemplateTracker tracker) {
            super(delegate, tracker);
            this.web = web;
        }

        @Override
        public IWebExchange getExchange() {
            return web.getExchange();
        }
    }
}
