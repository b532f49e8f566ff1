package dev.debugtoolbar.core;

import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.store.InMemoryRequestStore;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.BitSet;
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
        assertMessage("allowedHosts", () -> DebugToolbar.builder().allowedHosts("http://myapp.test:8080").build());
        assertMessage("prefix of its own", () -> DebugToolbar.builder().panel(panel("flags")).build());
        assertMessage("two panels", () -> DebugToolbar.builder().panel(panel("acme.flags"))
                .panel(panel("acme.flags")).build());
    }

    @Test
    void givesEveryRequestADistinct128BitUrlSafeId() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        Set<String> ids = new HashSet<>();
        BitSet everSet = new BitSet(128);
        BitSet everClear = new BitSet(128);
        for (int i = 0; i < 1_000; i++) {
            String id = toolbar.start(new FakeRequest("/")).id();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            byte[] bytes = Base64.getUrlDecoder().decode(id);
            assertEquals(16, bytes.length, id);
            BitSet bits = BitSet.valueOf(bytes);
            everSet.or(bits);
            bits.flip(0, 128);
            everClear.or(bits);
            ids.add(id);
        }
        assertEquals(1_000, ids.size());
        // random, not a counter or a clock: each of the 128 bits was seen both set and clear
        assertEquals(128, everSet.cardinality());
        assertEquals(128, everClear.cardinality());
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

    @Test
    void readsEveryOptionFromTheOptionsSourceThenPropertiesThenEnvironment() {
        Map<String, String> given = Map.of("enabled", "yes", "pathPrefix", "/_debug", "maxStatements", "7");
        Map<String, String> properties = Map.of("debugtoolbar.maxStatements", "8",
                "debugtoolbar.allowedClients", "10.0.0.0/8, ::1", "debugtoolbar.storeCapacity", "3");
        Map<String, String> environment = Map.of("DEBUG_TOOLBAR_ALLOWED_CLIENTS", "192.168.0.0/16",
                "DEBUG_TOOLBAR_MAX_BUFFER_BYTES", "1024", "DEBUG_TOOLBAR_TRUSTED_PROXIES", "127.0.0.1",
                "DEBUG_TOOLBAR_ALLOWED_HOSTS", "myapp.test, .dev.test");

        ToolbarConfig config = DebugToolbar.builder().environment(properties::get, environment::get)
                .options(given::get).build().config();

        assertTrue(config.enabled());
        assertEquals("/_debug", config.pathPrefix());
        assertEquals(7, config.maxStatements(), "the options source wins over the property");
        assertEquals(List.of("10.0.0.0/8", "::1"), config.allowedClients(), "the property wins over the environment");
        assertEquals(3, config.storeCapacity());
        assertEquals(1024, config.maxBufferBytes());
        assertEquals(List.of("127.0.0.1"), config.trustedProxies());
        assertEquals(List.of("myapp.test", ".dev.test"), config.allowedHosts());

        ToolbarConfig explicit = DebugToolbar.builder().environment(properties::get, environment::get)
                .options(given::get).maxStatements(9).pathPrefix("/__toolbar").build().config();
        assertEquals(9, explicit.maxStatements(), "the builder's own value wins over every source");
        assertEquals("/__toolbar", explicit.pathPrefix());
    }

    @Test
    void namesTheSourceOfAnUnreadableOption() {
        assertMessage("environment variable DEBUG_TOOLBAR_MAX_STATEMENTS must be a whole number, was: many",
                () -> DebugToolbar.builder().environment(name -> null, Map.of("DEBUG_TOOLBAR_MAX_STATEMENTS", "many")::get)
                        .build());
        assertMessage("option sensitiveNames must be a regular expression", () -> DebugToolbar.builder()
                .options(Map.of("sensitiveNames", "(unclosed")::get).build());
    }

    @Test
    void configuresEachPanelWithItsOwnSettingsWhenEnabled() {
        SettingsPanel panel = new SettingsPanel();
        Map<String, String> properties = Map.of("debugtoolbar.panel.acme.settings.limit", "12");
        Map<String, String> environment = Map.of("DEBUG_TOOLBAR_PANEL_ACME_SETTINGS_SLOW_MILLIS", "2.5",
                "DEBUG_TOOLBAR_PANEL_ACME_SETTINGS_LIMIT", "99");

        DebugToolbar.builder().enabled(true).environment(properties::get, environment::get)
                .options(Map.of("panel.acme.settings.verbose", "on")::get).panel(panel).build();

        assertEquals(List.of("acme.settings", "12", "2.5", "true"), panel.seen);

        SettingsPanel unused = new SettingsPanel();
        DebugToolbar.builder().enabled(false).panel(unused).build();
        assertEquals(List.of(), unused.seen, "a disabled toolbar configures nothing");
    }

    @Test
    void explainsAnUnreadablePanelSetting() {
        assertMessage("setting 'limit' of panel acme.settings (option panel.acme.settings.limit) must be a whole"
                + " number, was: lots", () -> DebugToolbar.builder().enabled(true).panel(new SettingsPanel())
                .options(Map.of("panel.acme.settings.limit", "lots")::get).build());
    }

    @Test
    void aSwitchedOffPanelGetsNoHookAndShowsAsOff() {
        List<String> calls = new java.util.ArrayList<>();
        Panel<String> counted = new Panel<>() {
            public String id() { return "acme.counted"; }
            public String title() { return "Counted"; }
            public void onRequestStart(RequestContext context) { calls.add("start"); }
            public String onRequestEnd(RequestContext context) { calls.add("end"); return "stats"; }
            public List<dev.debugtoolbar.core.panel.Timing> timings(String stats) {
                return List.of(new dev.debugtoolbar.core.panel.Timing("acme", 1, "Acme"));
            }
        };
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).panel(counted).build();

        RequestContext context = toolbar.start(new FakeRequest("/"), Set.of("acme.counted", "sql", "no.such"));
        RequestRecord record = toolbar.finish(context, new FakeResponse(200));

        assertEquals(List.of(), calls);
        assertFalse(context.isPanelEnabled("acme.counted"));
        assertTrue(context.isPanelEnabled("timer"));
        PanelResult off = record.panel("acme.counted").orElseThrow();
        assertTrue(off.disabled());
        assertFalse(off.failed());
        assertEquals("Counted", off.title());
        assertEquals(List.of(), off.timings());
        assertTrue(record.panel("sql").orElseThrow().disabled());
        assertFalse(record.panel("timer").orElseThrow().disabled());

        toolbar.finish(toolbar.start(new FakeRequest("/")), new FakeResponse(200));
        assertEquals(List.of("start", "end"), calls, "switched on again, it collects again");
    }

    @Test
    void aDeferredPanelSummarisesOnceWhenTheRecordIsFirstReadAndTimesTheResponseAtOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger ends = new java.util.concurrent.atomic.AtomicInteger();
        List<String> threads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        RequestContext.Key<StringBuilder> seen = new RequestContext.Key<>("acme.seen", StringBuilder.class);
        Panel<String> later = new Panel<>() {
            public String id() { return "acme.later"; }
            public String title() { return "Later"; }
            public void onRequestStart(RequestContext context) { context.put(seen, new StringBuilder()); }
            public String onRequestEnd(RequestContext context) {
                ends.incrementAndGet();
                threads.add(Thread.currentThread().getName());
                return "saw " + context.get(seen) + " on " + context.request().path();
            }
            public String subtitle(String stats) { return stats; }
            public boolean deferred() { return true; }
            public List<dev.debugtoolbar.core.panel.Timing> deferredTimings(RequestContext context) {
                return List.of(new dev.debugtoolbar.core.panel.Timing("acme", 2.5, "Acme " + context.get(seen)));
            }
        };
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).panel(later).build();
        RequestContext context = toolbar.start(new FakeRequest("/books"));
        context.get(seen).append("3 flags");

        RequestRecord record = toolbar.finish(context, new FakeResponse(200));

        assertEquals(0, ends.get(), "nothing summarised while the request ends");
        assertTrue(record.timings().contains(new dev.debugtoolbar.core.panel.Timing("acme", 2.5, "Acme 3 flags")),
                record.timings().toString());
        assertTrue(record.timings().stream().anyMatch(timing -> timing.name().equals("sql")),
                "the SQL panel waits too, its metric is there: " + record.timings());
        assertEquals(0, ends.get());

        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Object>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(readers.submit(() -> record.panel("acme.later").orElseThrow().stats()));
            }
            for (java.util.concurrent.Future<Object> read : reads) {
                assertEquals("saw 3 flags on /books", read.get());
            }
        } finally {
            readers.shutdown();
        }
        assertEquals(1, ends.get(), "summarised once, whoever reads first");
        assertFalse(threads.contains(Thread.currentThread().getName()));
        assertEquals("saw 3 flags on /books", record.panel("acme.later").orElseThrow().subtitle());
        record.panels().values().forEach(result -> assertFalse(result.failed(), result.id()));
    }

    @Test
    void aDeferredPanelThatReadsTheLiveRequestFailsInItsPanelOnly() {
        Panel<String> misbehaving = new Panel<>() {
            public String id() { return "acme.cookies"; }
            public String title() { return "Cookies again"; }
            public String onRequestEnd(RequestContext context) { return context.request().cookies().toString(); }
            public boolean deferred() { return true; }
        };
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).panel(misbehaving).build();

        RequestRecord record = toolbar.finish(toolbar.start(new FakeRequest("/")), new FakeResponse(200));

        PanelResult result = record.panel("acme.cookies").orElseThrow();
        assertTrue(result.failed());
        assertTrue(result.error().message().contains("cookies are gone"), result.error().message());
        assertFalse(record.panel("request").orElseThrow().failed(), "the built-in Request panel read them in time");
    }

    @Test
    void aRequestWhoseHeadersCannotBeReadStillEndsWithARecord() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestView broken = new ForwardingRequest(new FakeRequest("/broken")) {
            @Override
            public Map<String, List<String>> headers() {
                throw new IllegalStateException("recycled");
            }
        };

        RequestRecord record = toolbar.finish(toolbar.start(broken), new FakeResponse(200));

        assertEquals("/broken", record.path());
        assertTrue(toolbar.store().find(record.id()).isPresent());
        assertFalse(record.panel("sql").orElseThrow().failed(), "the deferred panels still summarise");
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

    /** A panel that keeps what its settings said. */
    private static final class SettingsPanel implements Panel<String> {
        final List<String> seen = new java.util.ArrayList<>();

        public String id() { return "acme.settings"; }
        public String title() { return "Settings"; }
        public String onRequestEnd(RequestContext context) { return ""; }

        @Override
        public void configure(dev.debugtoolbar.core.panel.PanelSettings settings) {
            seen.add(settings.panelId());
            seen.add(String.valueOf(settings.integer("limit", 5)));
            seen.add(String.valueOf(settings.decimal("slowMillis", 1)));
            seen.add(String.valueOf(settings.flag("verbose", false)));
        }
    }

    /** A store that always fails. */
    private static final class FailingStore implements dev.debugtoolbar.core.store.RequestStore {
        public void save(RequestRecord record) { throw new IllegalStateException("store down"); }
        public java.util.Optional<RequestRecord> find(String id) { return java.util.Optional.empty(); }
        public List<RequestRecord> recent(int limit) { return List.of(); }
    }
}
