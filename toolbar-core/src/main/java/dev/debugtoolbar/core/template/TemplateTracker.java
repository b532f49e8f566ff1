package dev.debugtoolbar.core.template;

import org.thymeleaf.context.IContext;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.templateresource.ITemplateResource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows one run of the engine through the levels of its context and writes the templates it renders
 * into a {@link TemplateLog}. Thymeleaf gives every element a level of the context; inserting a fragment
 * sets the fragment's {@link TemplateData} at the level of the host element, after the fragment's
 * parameters, and leaving that level ends the fragment. The template the run started with belongs to
 * level 0 and ends when the context returns to level 0. Used by one thread at a time, like the context.
 */
final class TemplateTracker {

    private final TemplateLog log;
    private final Deque<Frame> open = new ArrayDeque<>();
    private Map<String, Object> levelVariables;
    private int levelVariablesLevel = -1;
    private int levelVariablesOmitted;

    /**
     * Starts tracking a run that renders {@code template} with the variables of {@code model}: the first
     * {@value TemplateLog#MAX_VARIABLES} of them, the others only counted.
     */
    TemplateTracker(TemplateLog log, TemplateData template, IContext model) {
        this.log = log;
        Map<String, Object> variables = new LinkedHashMap<>();
        int omitted = 0;
        for (String name : model.getVariableNames()) {
            if (variables.size() < TemplateLog.MAX_VARIABLES) {
                variables.put(name, model.getVariable(name));
            } else {
                omitted++;
            }
        }
        start(0, template, variables, omitted);
    }

    /** A variable was set at {@code level}: remembered in case a fragment starts at that level. */
    void variableSet(int level, String name, Object value) {
        if (levelVariables == null || levelVariablesLevel != level) {
            levelVariables = new LinkedHashMap<>();
            levelVariablesLevel = level;
            levelVariablesOmitted = 0;
        }
        if (levelVariables.size() < TemplateLog.MAX_VARIABLES || levelVariables.containsKey(name)) {
            levelVariables.put(name, value);
        } else {
            levelVariablesOmitted++;
        }
    }

    /** The context entered a new level, which has no variables of its own yet. */
    void levelIncreased() {
        levelVariables = null;
    }

    /** A template's data was set at {@code level}: a fragment starts there, replacing any at that level. */
    void templateSet(int level, TemplateData template) {
        end(level);
        boolean hasParameters = levelVariables != null && levelVariablesLevel == level;
        Map<String, Object> parameters = hasParameters ? levelVariables : Map.of();
        levelVariables = null;
        start(level, template, parameters, hasParameters ? levelVariablesOmitted : 0);
    }

    /** The context left {@code level}: the templates set there end, and all of them when it is back at 0. */
    void levelLeft(int level) {
        levelVariables = null;
        end(level == 1 ? 0 : level);
    }

    private void start(int level, TemplateData template, Map<String, Object> variables, int variablesOmitted) {
        int parent = open.isEmpty() ? TemplateLog.DROPPED : open.peek().index();
        ITemplateResource resource = template.getTemplateResource();
        int index = log.open(parent, template.getTemplate(),
                template.hasTemplateSelectors() ? String.join(", ", template.getTemplateSelectors()) : null,
                resource == null ? null : resource.getDescription(), String.valueOf(template.getTemplateMode()),
                variables, variablesOmitted, System.nanoTime());
        open.push(new Frame(level, index));
    }

    /** Ends every open template set at {@code level} or deeper. */
    private void end(int level) {
        long now = System.nanoTime();
        while (!open.isEmpty() && open.peek().level() >= level) {
            log.close(open.pop().index(), now);
        }
    }

    private record Frame(int level, int index) {
    }
}
