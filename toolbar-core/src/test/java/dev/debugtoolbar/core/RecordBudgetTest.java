package dev.debugtoolbar.core;

import dev.debugtoolbar.core.request.RequestStats;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record's byte budget: how it is counted, configured, and what the Request panel keeps within it. */
class RecordBudgetTest {

    @Test
    void onceFullItRefusesEveryLaterDetailAndCountsThem() {
        RecordBudget budget = new RecordBudget(1_000);

        assertTrue(budget.take(600));
        assertFalse(budget.take(500), "beyond the budget");
        assertFalse(budget.take(10), "a smaller detail after a refused one is refused too: the record keeps a prefix");

        assertEquals(new RequestRecord.Size(600, 1_000, 2), budget.size());
    }

    @Test
    void keepsASixteenthBackForThePartsEveryRecordKeeps() {
        RecordBudget budget = new RecordBudget(1_600);

        assertTrue(budget.take(1_500), "details may fill fifteen sixteenths");
        assertFalse(budget.take(1));
        budget.count(100); // the URL, the headers, the first exception

        assertEquals(new RequestRecord.Size(1_600, 1_600, 1), budget.size());
    }

    @Test
    void isConfiguredByNameAndChecked() {
        Map<String, String> options = Map.of("maxRecordBytes", "100000", "maxStoreBytes", "2000000");
        ToolbarConfig config = DebugToolbar.builder().enabled(true).options(options::get).build().config();
        assertEquals(100_000, config.maxRecordBytes());
        assertEquals(2_000_000, config.maxStoreBytes());

        ToolbarConfig defaults = DebugToolbar.builder().enabled(true).build().config();
        assertEquals(4L * 1024 * 1024, defaults.maxRecordBytes());
        assertEquals(64L * 1024 * 1024, defaults.maxStoreBytes());

        assertThrows(IllegalArgumentException.class,
                () -> DebugToolbar.builder().maxRecordBytes(10_000).maxStoreBytes(5_000).build());
        assertThrows(IllegalArgumentException.class, () -> DebugToolbar.builder()
                .store(new dev.debugtoolbar.core.store.InMemoryRequestStore(5)).maxStoreBytes(5_000).build());
    }

    @Test
    void theRequestPanelKeepsTheFirstParametersAndCountsTheRest() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            parameters.put("n".repeat(10_000) + i, List.of("v".repeat(1_000)));
        }
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new ParameterRequest(parameters));

        RequestRecord record = toolbar.finish(context, new FakeResponse(200));

        RequestStats stats = (RequestStats) record.panel("request").orElseThrow().stats();
        assertEquals(5_000, stats.queryParameters().size() + stats.omittedEntries(), "every parameter kept or counted");
        assertTrue(stats.omittedEntries() > 0);
        long kept = stats.queryParameters().stream().mapToLong(e -> e.name().length() + e.value().length()).sum();
        assertTrue(kept <= 64 * 1024, kept + " characters kept");
        assertTrue(stats.queryParameters().get(0).name().endsWith("more characters)"), "a long name is cut");
        assertTrue(record.size().bytes() <= record.size().maxBytes(), record.size().toString());
    }

    /** A GET request with these query parameters. */
    private record ParameterRequest(Map<String, List<String>> queryParameters) implements RequestView {
        public String method() { return "GET"; }
        public String url() { return "http://localhost/search"; }
        public String path() { return "/search"; }
        public String query() { return null; }
        public String remoteAddress() { return "127.0.0.1"; }
        public Map<String, List<String>> formParameters() { return Map.of(); }
        public Map<String, List<String>> headers() { return Map.of(); }
        public Map<String, String> cookies() { return Map.of(); }
        public Map<String, Object> sessionAttributes() { return Map.of(); }
    }
}
