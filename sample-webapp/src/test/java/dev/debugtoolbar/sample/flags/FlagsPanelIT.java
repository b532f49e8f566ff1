package dev.debugtoolbar.sample.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.sample.SampleApp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample's custom Flags panel, end to end: collected while the page renders, in the JSON, the header, the nav. */
class FlagsPanelIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void listsEachFlagThePageAskedForWithItsValueAndWhy() throws Exception {
        try (SampleApp app = SampleApp.start(0)) {
            HttpResponse<String> page = get(app, "flags");
            String id = page.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();

            JsonNode stats = json(app, "__toolbar/api/requests/" + id).get("panels").get(FlagsPanel.ID);
            assertEquals(26, stats.get("evaluationCount").asInt(), "two per page, two per each of 12 books");
            assertEquals(List.of("show-ratings", "new-book-cards", "prices-in-eur"), names(stats.get("flags")));
            assertEquals(false, stats.get("flags").get(0).get("on").asBoolean());
            assertEquals("on for everyone; this visitor: bucket", stats.get("flags").get(1).get("reason").asText()
                    .replaceFirst(" \\d+.*", ""));
            assertEquals(26, stats.get("evaluations").size());
            assertTrue(page.headers().firstValue("Server-Timing").orElseThrow().contains("flags;dur="));

            String nav = get(app, "__toolbar/requests/" + id).body();
            assertTrue(nav.contains(">3 flags, 26 checks<"), nav);
            String panel = get(app, "__toolbar/requests/" + id + "/panels/" + FlagsPanel.ID).body();
            assertTrue(panel.contains("rolled out to buckets 0-49 of 100"), panel);

            JsonNode preview = json(app, "__toolbar/api/requests/" + get(app, "flags?preview=true").headers()
                    .firstValue("X-Debug-Toolbar-Id").orElseThrow()).get("panels").get(FlagsPanel.ID);
            assertTrue(preview.get("flags").get(0).get("on").asBoolean(), "the preview turns show-ratings on");
        }
    }

    @Test
    void keepsAsManyEvaluationsAsItsSettingSays() throws Exception {
        System.setProperty("debugtoolbar.panel.sample.flags.maxEvaluations", "5");
        try (SampleApp app = SampleApp.start(0)) {
            System.clearProperty("debugtoolbar.panel.sample.flags.maxEvaluations");
            String id = get(app, "flags").headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();

            JsonNode stats = json(app, "__toolbar/api/requests/" + id).get("panels").get(FlagsPanel.ID);
            assertEquals(26, stats.get("evaluationCount").asInt());
            assertEquals(5, stats.get("evaluations").size());
            assertEquals(21, stats.get("droppedCount").asInt());
        } finally {
            System.clearProperty("debugtoolbar.panel.sample.flags.maxEvaluations");
        }
    }

    private static List<String> names(JsonNode flags) {
        List<String> names = new ArrayList<>();
        flags.forEach(flag -> names.add(flag.get("name").asText()));
        return names;
    }

    private static JsonNode json(SampleApp app, String path) throws Exception {
        HttpResponse<String> response = get(app, path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(SampleApp app, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(app.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
