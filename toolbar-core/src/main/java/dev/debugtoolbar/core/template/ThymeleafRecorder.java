package dev.debugtoolbar.core.template;

import dev.debugtoolbar.core.DebugToolbar;
import org.thymeleaf.TemplateEngine;

import java.util.Objects;

/**
 * Records what a Thymeleaf {@link TemplateEngine} renders for the Templates panel: every template and
 * fragment ({@code th:insert}, {@code th:replace}, layouts built from them) with its nesting, times, origin
 * and variables. One line, before the engine's first use:
 *
 * <pre>{@code
 * ThymeleafRecorder.instrument(templateEngine, toolbar);
 * }</pre>
 *
 * It works with any context, Thymeleaf's Jakarta servlet web context included, by wrapping the engine's
 * {@code IEngineContextFactory}. Outside recorded requests it costs one thread-local read per rendering.
 * The toolbar's own templates use an engine of their own and never appear.
 */
public final class ThymeleafRecorder {

    private ThymeleafRecorder() {
    }

    /**
     * Makes {@code engine} record into {@code toolbar}'s current request. Does nothing for a disabled
     * toolbar, or when the engine already records for it.
     *
     * @throws IllegalStateException if the engine has already rendered (Thymeleaf fixes its configuration then)
     */
    public static void instrument(TemplateEngine engine, DebugToolbar toolbar) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(toolbar, "toolbar");
        if (!toolbar.isEnabled()) {
            return;
        }
        if (engine.getEngineContextFactory() instanceof RecordingEngineContextFactory recording
                && recording.recordsFor(toolbar)) {
            return;
        }
        if (engine.isInitialized()) {
            throw new IllegalStateException("instrument the template engine before its first use: Thymeleaf"
                    + " fixes an engine's configuration when it first renders");
        }
        engine.setEngineContextFactory(new RecordingEngineContextFactory(engine.getEngineContextFactory(), toolbar));
        toolbar.panels().forEach(panel -> {
            if (panel instanceof TemplatesPanel templates) {
                templates.instrumented();
            }
        });
    }
}
