package dev.debugtoolbar.core.template;

import dev.debugtoolbar.core.Hostile;
import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.request.RequestStats;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real Thymeleaf, real nested fragments: the recorded tree is exactly the one rendered. */
class ThymeleafRecorderTest {

    private static final String ROOT = "dev/debugtoolbar/core/template/";

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
    private final TemplatesPanel panel = new TemplatesPanel(10, new Masking(toolbar.config()));

    @Test
    void recordsEveryTemplateAndFragmentAsATree() {
        TemplateEngine engine = instrumented(toolbar);

        TemplateStats stats = record(toolbar, () -> engine.process("page", model()));

        assertEquals(List.of(
                "page|null|0|null",
                "layout|head|1|0",
                "layout|header|1|0",
                "layout|menu|2|2",
                "parts|item|1|0",
                "parts|badge|2|4",
                "parts|item|1|0",
                "parts|badge|2|6",
                "layout|footer|1|0"), tree(stats));
        assertEquals(9, stats.templateCount());
        assertEquals(0, stats.droppedCount());
        for (TemplateEvent template : stats.templates()) {
            assertTrue(template.finished(), template.toString());
            assertEquals("HTML", template.mode());
            assertEquals(ROOT + template.name() + ".html", template.resource());
        }
    }

    @Test
    void keepsTheModelOfTheTemplateAndTheParametersOfEachFragment() {
        TemplateEngine engine = instrumented(toolbar);

        List<TemplateEvent> templates = record(toolbar, () -> engine.process("page", model())).templates();

        List<RequestStats.Entry> model = templates.get(0).variables();
        assertEquals(List.of("title", "items", "password"), model.stream().map(RequestStats.Entry::name).toList());
        assertEquals(new RequestStats.Entry("title", "Shop", "java.lang.String", false), model.get(0));
        assertEquals("[apple, kiwi]", model.get(1).value());
        assertEquals(new RequestStats.Entry("password", Masking.MASK, "java.lang.String", true), model.get(2));

        assertEquals(List.of(new RequestStats.Entry("title", "Shop", "java.lang.String", false)),
                templates.get(1).variables());
        assertEquals(List.of(), templates.get(2).variables());
        assertEquals(List.of(new RequestStats.Entry("item", "apple", "java.lang.String", false)),
                templates.get(4).variables());
        assertEquals(List.of(new RequestStats.Entry("size", "5", "java.lang.Integer", false)),
                templates.get(5).variables());
        assertEquals(List.of(new RequestStats.Entry("item", "kiwi", "java.lang.String", false)),
                templates.get(6).variables());
    }

    @Test
    void rendersExactlyWhatAnUninstrumentedEngineRenders() {
        TemplateEngine plain = engine();
        TemplateEngine instrumented = instrumented(toolbar);
        String expected = plain.process("page", model());

        List<String> rendered = new ArrayList<>();
        record(toolbar, () -> rendered.add(instrumented.process("page", model())));

        assertEquals(expected, rendered.get(0));
        assertTrue(expected.contains("<title>Shop</title>") && expected.contains("<b>kiwi</b><i>4</i>"), expected);
    }

    @Test
    void recordsNothingOutsideARecordedRequest() {
        TemplateEngine engine = instrumented(toolbar);
        engine.process("page", model());

        TemplateStats stats = record(toolbar, () -> { });

        assertEquals(0, stats.templateCount());
        assertEquals(List.of(), stats.templates());
    }

    @Test
    void eachRenderingOfARequestIsARootOfItsOwn() {
        TemplateEngine engine = instrumented(toolbar);

        TemplateStats stats = record(toolbar, () -> {
            engine.process("layout", new Context(Locale.ROOT), new java.io.StringWriter());
            engine.process("page", model());
        });

        assertEquals(List.of("layout|null|0|null", "layout|menu|1|0", "page|null|0|null"),
                tree(stats).subList(0, 3));
        assertEquals(11, stats.templateCount());
        assertEquals(2, stats.templates().stream().filter(t -> t.depth() == 0).count());
    }

    @Test
    void aFragmentInsertedOnAnIteratedElementIsInsertedOnceBeforeTheIteration() {
        // th:insert takes precedence over th:each: Thymeleaf inserts the fragment once (its parameter still
        // unset) and then renders that content for every item, which the tree shows as it happened.
        TemplateEngine engine = instrumented(toolbar);

        TemplateStats stats = record(toolbar, () -> engine.process("each-insert", model()));

        assertEquals(List.of("each-insert|null|0|null", "parts|item|1|0", "parts|badge|2|1", "parts|badge|2|1"),
                tree(stats));
    }

    @Test
    void aFailingFragmentAndTheTemplatesAroundItAreMarkedUnfinished() {
        TemplateEngine engine = instrumented(toolbar);

        TemplateStats stats = record(toolbar, () -> assertThrows(TemplateProcessingException.class,
                () -> engine.process("failing", new Context(Locale.ROOT))));

        assertEquals(List.of("failing|null|0|null", "layout|footer|1|0", "parts|broken|1|0"), tree(stats));
        assertEquals(List.of(false, true, false), stats.templates().stream().map(TemplateEvent::finished).toList());
    }

    @Test
    void keepsAtMostTheConfiguredNumberAndCountsTheRest() {
        DebugToolbar small = DebugToolbar.builder().enabled(true).maxTemplates(3).build();
        TemplateEngine engine = instrumented(small);

        TemplateStats stats = record(small, () -> engine.process("page", model()));

        assertEquals(List.of("page|null|0|null", "layout|head|1|0", "layout|header|1|0"), tree(stats));
        assertEquals(9, stats.templateCount());
        assertEquals(6, stats.droppedCount());
        assertEquals("9 templates in", panel.subtitle(stats).substring(0, 14));
    }

    @Test
    void givesItsTimeToServerTiming() {
        TemplateStats stats = new TemplateStats(2, 1.5, 0, List.of(), true);
        assertEquals("tpl", panel.timings(stats).get(0).name());
        assertEquals("Templates (2 templates)", panel.timings(stats).get(0).description());
    }

    @Test
    void instrumentsOnceAndOnlyBeforeTheFirstRendering() {
        TemplateEngine engine = engine();
        ThymeleafRecorder.instrument(engine, toolbar);
        IEngineContextFactory instrumentedFactory = engine.getEngineContextFactory();
        assertTrue(instrumentedFactory instanceof RecordingEngineContextFactory);
        ThymeleafRecorder.instrument(engine, toolbar);
        assertSame(instrumentedFactory, engine.getEngineContextFactory());

        TemplateEngine used = engine();
        used.process("layout", new Context(Locale.ROOT));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ThymeleafRecorder.instrument(used, toolbar));
        assertTrue(error.getMessage().contains("before its first use"), error.getMessage());
    }

    @Test
    void aDisabledToolbarLeavesTheEngineAlone() {
        TemplateEngine engine = engine();
        IEngineContextFactory original = engine.getEngineContextFactory();
        ThymeleafRecorder.instrument(engine, DebugToolbar.builder().enabled(false).build());
        assertSame(original, engine.getEngineContextFactory());
    }

    @Test
    void aStoredRecordKeepsThePreviewsOfTheModelNotTheModel() throws InterruptedException {
        TemplateEngine engine = instrumented(toolbar);
        Context model = model();
        Object basket = new Object() {
            @Override
            public String toString() {
                return "basket of 2";
            }
        };
        model.setVariable("basket", basket);
        java.lang.ref.WeakReference<Object> held = new java.lang.ref.WeakReference<>(basket);
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            engine.process("page", model);
        }
        var record = toolbar.finish(context, new FakeResponse(200));
        basket = null;
        model = null;

        for (int i = 0; i < 50 && held.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertEquals(null, held.get(), "the record (its deferred panels not read yet) let the model object go");
        TemplateStats stats = (TemplateStats) record.panel("templates").orElseThrow().stats();
        RequestStats.Entry preview = stats.templates().get(0).variables().get(3);
        assertEquals("basket", preview.name());
        assertEquals("basket of 2", preview.value());
    }

    /**
     * Security class 8: a model object whose {@code toString}, {@code hashCode} and {@code equals} throw (and whose
     * failure cannot even say its message): the page renders exactly as without the toolbar, and the panel shows
     * every variable, that one as a note.
     */
    @Test
    void aModelObjectThatCannotBePrintedIsShownAsSuchAndThePageRenders() {
        TemplateEngine plain = engine();
        TemplateEngine instrumented = instrumented(toolbar);
        Context model = model();
        model.setVariable("basket", new Hostile.Unprintable());
        String expected = plain.process("page", model);

        List<String> rendered = new ArrayList<>();
        TemplateStats stats = record(toolbar, () -> rendered.add(instrumented.process("page", model)));

        assertEquals(expected, rendered.get(0));
        RequestStats.Entry basket = stats.templates().get(0).variables().get(3);
        assertEquals("basket", basket.name());
        assertEquals("[toString() of " + Hostile.Unprintable.class.getName() + " failed: " + Hostile.Unspeakable.class.getName()
                + "]", basket.value());
    }

    @Test
    void saysWhetherAnEngineRecordsForTheToolbar() {
        DebugToolbar bare = DebugToolbar.builder().enabled(true).build();
        TemplatesPanel templates = bare.panels().stream().filter(TemplatesPanel.class::isInstance)
                .map(TemplatesPanel.class::cast).findFirst().orElseThrow();
        TemplateStats none = record(bare, () -> engine().process("page", model()));
        assertEquals(false, none.instrumented());
        assertEquals(0, none.templateCount());
        assertEquals("not instrumented", templates.subtitle(none));

        TemplateEngine engine = instrumented(bare);
        assertTrue(record(bare, () -> { }).instrumented(), "instrumented, nothing rendered in this request");
        TemplateStats rendered = record(bare, () -> engine.process("page", model()));
        assertTrue(rendered.instrumented());
        assertEquals(9, rendered.templateCount());
    }



    private static Context model() {
        Context context = new Context(Locale.ROOT);
        context.setVariable("title", "Shop");
        context.setVariable("items", Arrays.asList("apple", "kiwi"));
        context.setVariable("password", "hunter2");
        return context;
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(ROOT);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static TemplateEngine instrumented(DebugToolbar toolbar) {
        TemplateEngine engine = engine();
        ThymeleafRecorder.instrument(engine, toolbar);
        return engine;
    }

    /** Runs {@code work} inside a recorded request and returns the Templates panel's stats. */
    private static TemplateStats record(DebugToolbar toolbar, Runnable work) {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            work.run();
        }
        return (TemplateStats) toolbar.finish(context, new FakeResponse(200)).panel("templates").orElseThrow().stats();
    }

    /** Each template as name|selector|depth|parent. */
    private static List<String> tree(TemplateStats stats) {
        return stats.templates().stream()
                .map(t -> t.name() + "|" + t.selector() + "|" + t.depth() + "|" + t.parent())
                .toList();
    }
}
