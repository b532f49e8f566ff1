package dev.debugtoolbar.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 16 concurrent clients × 2,000 requests against the sample: no errors, and no record mixes requests up. */
class LoadIT {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningSample SAMPLE = new RunningSample();


    @Test
    void servesEveryRequestAndKeepsEachRecordToItsOwnStatements() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> failures = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int c = client;
            failures.add(clients.submit(() -> {
                int failed = 0;
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    HttpResponse<String> page = SAMPLE.get("/search?q=tag" + c + "x" + i);
                    boolean ok = page.statusCode() == 200 && page.body().contains("data-tb-id")
                            && page.headers().firstValue("X-Debug-Toolbar-Id").isPresent();
                    failed += ok ? 0 : 1;
                }
                return failed;
            }));
        }
        int failed = 0;
        for (Future<Integer> client : failures) {
            failed += client.get(10, TimeUnit.MINUTES);
        }
        clients.shutdown();
        assertEquals(0, failed, "failed requests");

        JsonNode recent = JSON.readTree(SAMPLE.get("/__toolbar/api/requests?limit=1000").body());
        assertEquals(100, recent.size(), "the store stays at its bound of 100 records");
        for (JsonNode summary : recent) {
            String tag = summary.get("query").asText().substring("q=".length());
            JsonNode queries = JSON.readTree(SAMPLE.get("/__toolbar/api/requests/" + summary.get("id").asText()).body())
                    .get("panels").get("sql").get("queries");
            assertEquals(1, queries.size(), summary.toString());
            String parameter = queries.get(0).get("params").get(0).asText();
            assertTrue(parameter.contains(tag) && parameter.replace(tag, "").equals("%%"),
                    "record of ?q=" + tag + " holds the parameter " + parameter);
        }
    }
}
