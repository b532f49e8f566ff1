package dev.debugtoolbar.core;

import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.store.InMemoryRequestStore;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebugToolbarTest {

    @Test
    void isOffUnlessEnabled() {
        assertFalse(builder(null, null).build().isEnabled());
        assertTrue(builder("true", null).build().isEnabled());
        assertTrue(builder(null, "true").build().isEnabled());
        assertFalse(builder("false", "true").build().isEnabled(), "the property wins over the environment");
        assertFalse(builder("true", "true").enabled(false).build().isEnabled(), "the builder wins over both");
        assertTrue(builder(null, null).enabled(true).build().isEnabled());
    }

    @Test
    void explainsAnUnreadableEnablingValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> builder("maybe", null).build());
        assertTrue(error.getMessage().contains("debugtoolbar.enabled"), error.getMessage());
    }

    @Test
    void failsFastOnClashingOrInvalidOptions() {
        assertMessage("cannot be combined", () -> DebugToolbar.builder()
                .store(new InMemoryRequestStore(5)).storeCapacity(10).build());
        assertMessage("storeCapacity must be at least 1", () -> DebugToolbar.builder().storeCapacity(0).build());
        assertMessage("maxTemplates must not be negative", () -> DebugToolbar.builder().maxTemplates(-1).build());
        assertMessage("maxCacheCalls must not be negative", () -> DebugToolbar.builder().maxCacheCalls(-1).build());
        assertMessage("pathPrefix", () -> DebugToolbar.builder().pathPrefix("toolbar/").build());
        assertMessage("allowedClients", () -> DebugToolbar.builder().allowedClients("intranet").build());
        assertMessage("prefix of its own", () -> DebugToolbar.builder().panel(panel("flags")).build());
        assertMessage("two panels", () -> DebugToolbar.builder().panel(panel("acme.flags"))
                .panel(panel("acme.flags")).build());
    }

    @Test
    void givesEveryRequestADistinct128BitUrlSafeId() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = toolbar.start(new FakeRequest("/")).id();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            ids.add(id);
        }
        assertEquals(1_000, ids.size());
    }

    @Test
    void bindsTheContextToTheThreadUntilTheBindingCloses() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/"));
        assertTrue(toolbar.current().isEmpty());
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            assertEquals(context, toolbar.current().orElseThrow());
        }
        assertTrue(toolbar.current().isEmpty());
    }

    @Test
    void bindsATaskHandedToAnotherThreadToTheRequestThatHandedItOver() throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/"));
        Runnable task;
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            task = toolbar.bindToCurrentRequest(() -> assertEquals(context, toolbar.current().orElseThrow()));
        }
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                task.run();
                assertTrue(toolbar.current().isEmpty(), "the binding ends with the task");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        other.start();
        other.join();
        assertEquals(null, failure.get());
        Runnable plain = () -> { };
        assertEquals(plain, toolbar.bindToCurrentRequest(plain), "without a current request the task is unchanged");
    }

    @Test
    void finishingBuildsTheRecordFromEveryPanelAndStoresIt() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).panel(panel("acme.flags")).build();
        RequestContext context = toolbar.start(new FakeRequest("/books?page=2&token=abc"));

        RequestRecord record = toolbar.finish(context, new FakeResponse(201));

        assertEquals(List.of("request", "timer", "timeline", "sql", "templates", "cache", "headers", "settings",
                "versions", "logging", "exceptions", "redirects", "history", "acme.flags"),
                List.copyOf(record.panels().keySet()));
        assertEquals(201, record.status());
        assertEquals("page=2&token=••••••••", record.query(), "secret query values are masked");
        assertEquals(record, toolbar.store().find(record.id()).orElseThrow());
        assertEquals("flags of /books", record.panel("acme.flags").orElseThrow().stats());
        record.panels().values().forEach(result -> assertFalse(result.failed(), result.id()));
    }

    @Test
    void containsPanelsThatThrowInAnyHook() {
        Panel<String> failsAtStart = new Panel<>() {
            public String id() { return "test.start"; }
            public String title() { return "Start"; }
            public void onRequestStart(RequestContext context) { throw new IllegalStateException("at start"); }
            public String onRequestEnd(RequestContext context) { return "never"; }
        };
        Panel<String> failsInSubtitle = new Panel<>() {
            public String id() { return "test.subtitle"; }
            public String title() { return "Subtitle"; }
            public String onRequestEnd(RequestContext context) { return "fine"; }
            public String subtitle(String stats) { throw new IllegalStateException("in subtitle"); }
        };
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).panel(failsAtStart).panel(failsInSubtitle)
                .store(new FailingStore()).build();

        RequestRecord record = toolbar.finish(toolbar.start(new FakeRequest("/")), new FakeResponse(200));

        PanelResult start = record.panel("test.start").orElseThrow();
        assertTrue(start.failed());
        assertTrue(start.error().message().contains("at start"));
        assertNotNull(start.error().stackTrace());
        PanelResult subtitle = record.panel("test.subtitle").orElseThrow();
        assertFalse(subtitle.failed());
        assertEquals("", subtitle.subtitle());
        assertEquals("fine", subtitle.stats());
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, build);
        assertTrue(error.getMessage().contains(part), error.getMessage());
    }

    private static DebugToolbar.Builder builder(String property, String environment) {
        Map<String, String> properties = property == null ? Map.of() : Map.of(ToolbarConfig.ENABLED_PROPERTY, property);
        Map<String, String> variables = environment == null ? Map.of() : Map.of(ToolbarConfig.ENABLED_ENV, environment);
        return DebugToolbar.builder().environment(properties::get, variables::get);
    }

    private static Panel<String> panel(String id) {
        return new Panel<>() {
            public String id() { return id; }
            public String title() { return "Flags"; }
            public String onRequestEnd(RequestContext context) { return "flags of " + context.request().path(); }
        };
    }

    /** A store that always fails. */
    private static final class FailingStore implements dev.debugtoolbar.core.store.RequestStore {
        public void save(RequestRecord record) { throw new IllegalStateException("store down"); }
        public java.util.Optional<RequestRecord> find(String id) { return java.util.Optional.empty(); }
        public List<RequestRecord> recent(int limit) { return List.of(); }
    }
}
