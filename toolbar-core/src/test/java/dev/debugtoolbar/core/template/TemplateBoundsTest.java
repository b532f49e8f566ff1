package dev.debugtoolbar.core.template;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestRecord;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model of 30,000 variables, or of large values, keeps the first ones within the template's bound. */
class TemplateBoundsTest {

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();

    @Test
    void aModelOfThirtyThousandVariablesKeepsTheFirstAndCountsTheRest() {
        Context model = new Context(Locale.ROOT);
        for (int i = 0; i < 30_000; i++) {
            model.setVariable("variable" + i, "value of variable " + i);
        }

        TemplateEvent page = render(model).templates().get(0);

        assertEquals(30_000, page.variables().size() + page.variablesOmitted(), "every variable is kept or counted");
        assertTrue(page.variables().size() <= TemplateLog.MAX_VARIABLES, page.variables().size() + " kept");
        assertEquals("variable0", page.variables().get(0).name());
    }

    @Test
    void largeValuesKeepTheFirstPreviewsWithinTheTemplatesBound() {
        Context model = new Context(Locale.ROOT);
        for (int i = 0; i < 200; i++) {
            model.setVariable("text" + i, "t".repeat(100_000));
        }

        TemplateStats stats = render(model);
        TemplateEvent page = stats.templates().get(0);

        long previewChars = page.variables().stream().mapToLong(entry -> entry.value().length()).sum();
        assertTrue(previewChars <= TemplateLog.MAX_VARIABLE_BYTES, previewChars + " characters of previews");
        assertTrue(page.variables().get(0).value().endsWith("more characters)"), "each value is a cut preview");
        assertEquals(200, page.variables().size() + page.variablesOmitted());
        assertTrue(page.variablesOmitted() > 0);
    }

    private TemplateStats render(Context model) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        ThymeleafRecorder.instrument(engine, toolbar);
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            engine.process("<p th:text=\"${variable0}\">x</p>", model);
        }
        RequestRecord record = toolbar.finish(context, new FakeResponse(200));
        assertTrue(record.size().bytes() <= record.size().maxBytes(), "within the record's budget: " + record.size());
        return (TemplateStats) record.panel("templates").orElseThrow().stats();
    }
}
