package dev.debugtoolbar.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record answers from the moment its id is sent: a client that reads {@code X-Debug-Toolbar-Id} from a response
 * still streaming and asks for the record at once, on another connection, gets the record, or "still running"
 * (202) and then the record; never 404. The servlet flushes its headers, then waits for the test to let it end.
 */
@ParameterizedClass
@EnumSource(Container.class)
class RunningRecordIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    Container container;

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
    private final CountDownLatch finish = new CountDownLatch(1);
    /** Asks for records on its own connection, as the loader or a test's client does. */
    private final HttpClient otherClient = HttpClient.newHttpClient();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.with(toolbar).on(container)
                .handle("/stream", (request, response) -> {
                    response.setContentType("application/json");
                    response.getOutputStream().write("[1".getBytes(StandardCharsets.UTF_8));
                    response.flushBuffer();
                    finish.await(30, TimeUnit.SECONDS);
                    response.getOutputStream().write(",2]".getBytes(StandardCharsets.UTF_8));
                })
                .handle("/fails", (request, response) -> {
                    response.setContentType("text/css");
                    response.getOutputStream().write("body{}".getBytes(StandardCharsets.UTF_8));
                    response.flushBuffer();
                    finish.await(30, TimeUnit.SECONDS);
                    throw new IllegalStateException("failed after the headers went out");
                })
                .start();
    }

    @AfterEach
    void stop() {
        finish.countDown();
        server.close();
    }

    @Test
    void aRecordAskedForWhileItsRequestRunsAnswersRunningThenTheRecord() throws Exception {
        HttpResponse<InputStream> streaming = server.send(HttpRequest.newBuilder(server.uri("stream")),
                HttpResponse.BodyHandlers.ofInputStream());
        String id = TestServer.idOf(streaming);

        for (String endpoint : new String[] {"__toolbar/api/requests/", "__toolbar/requests/"}) {
            HttpResponse<String> early = server.getText(endpoint + id);
            assertEquals(202, early.statusCode(), endpoint + ": " + early.body());
            JsonNode status = JSON.readTree(early.body());
            assertTrue(status.get("running").asBoolean(), early.body());
            assertEquals(id, status.get("id").asText());
            assertTrue(early.headers().firstValue("Retry-After").isPresent());
        }

        finish.countDown();
        try (InputStream body = streaming.body()) {
            assertEquals("[1,2]", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("/stream", server.record(id).get("path").asText());
    }

    @Test
    void aRecordAskedForAtOnceIsWaitedForUntilItsRequestEnds() throws Exception {
        HttpResponse<InputStream> streaming = server.send(HttpRequest.newBuilder(server.uri("stream")),
                HttpResponse.BodyHandlers.ofInputStream());
        String id = TestServer.idOf(streaming);
        CompletableFuture<HttpResponse<String>> asked = otherClient.sendAsync(
                HttpRequest.newBuilder(server.uri("__toolbar/api/requests/" + id)).timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofString());
        finish.countDown();
        streaming.body().close();

        HttpResponse<String> record = asked.get(30, TimeUnit.SECONDS);
        assertEquals(200, record.statusCode(), record.body());
        assertEquals("/stream", JSON.readTree(record.body()).get("path").asText());
    }

    @Test
    void aRequestThatFailsAfterItsHeadersWentOutIsNoLongerRunning() throws Exception {
        HttpResponse<InputStream> streaming = server.send(HttpRequest.newBuilder(server.uri("fails")),
                HttpResponse.BodyHandlers.ofInputStream());
        String id = TestServer.idOf(streaming);
        assertTrue(toolbar.lookUp(id, Duration.ZERO).running());
        CompletableFuture<HttpResponse<String>> asked = otherClient.sendAsync(
                HttpRequest.newBuilder(server.uri("__toolbar/api/requests/" + id)).timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofString());
        finish.countDown();
        try (InputStream body = streaming.body()) {
            body.readAllBytes();
        } catch (IOException abortedByTheContainer) {
            // the container may cut the response short after the failure
        }

        HttpResponse<String> record = asked.get(30, TimeUnit.SECONDS);
        assertEquals(200, record.statusCode(), record.body());
        JsonNode exceptions = JSON.readTree(record.body()).get("panels").get("exceptions");
        assertTrue(exceptions.toString().contains("failed after the headers went out"), exceptions.toString());
        assertFalse(toolbar.lookUp(id, Duration.ZERO).running());
    }
}
