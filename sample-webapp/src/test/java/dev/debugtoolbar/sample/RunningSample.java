package dev.debugtoolbar.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The sample shop on a random port for the tests of one class, and an HTTP client to talk to it:
 * {@code @RegisterExtension static final RunningSample SAMPLE = new RunningSample();}.
 */
final class RunningSample implements BeforeAllCallback, AfterAllCallback {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private SampleApp app;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        app = SampleApp.start(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.close();
    }

    /** The address of {@code pathAndQuery} ("/books", "search?q=x") on the running sample. */
    URI uri(String pathAndQuery) {
        return app.uri().resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }

    /** GETs {@code pathAndQuery} and answers the response with its body as text. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpClient http() {
        return http;
    }
}
