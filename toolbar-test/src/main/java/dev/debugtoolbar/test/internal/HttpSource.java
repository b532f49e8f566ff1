package dev.debugtoolbar.test.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Records from a toolbar's JSON API, for example {@code http://localhost:8080/__toolbar/api/requests}. */
public final class HttpSource implements RecordSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI api;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Reads from the toolbar whose endpoints live at {@code toolbarBase}, such as {@code http://localhost:8080/__toolbar}. */
    public HttpSource(URI toolbarBase) {
        String base = toolbarBase.toString();
        this.api = URI.create((base.endsWith("/") ? base : base + "/") + "api/requests");
    }

    /**
     * The record with this id; while its request is still running (the toolbar answers 202, having waited a
     * little itself) asks again, for up to {@link #TIMEOUT} in all.
     */
    @Override
    public ObservedRequest find(String id) {
        URI uri = URI.create(api + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode record = get(uri);
        while (record != null && record.path("running").asBoolean() && !record.has("panels")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The request " + id + " was still running after " + TIMEOUT.toSeconds()
                        + " s: " + record.path("message").asText());
            }
            record = get(uri);
        }
        return record == null ? null : ObservedRequest.of(record);
    }

    @Override
    public ObservedRequest newest() {
        URI list = URI.create(api + "?limit=1");
        JsonNode summaries = get(list);
        if (summaries == null) {
            throw new AssertionError("The toolbar's API answered 404 to GET " + list + ": is the toolbar enabled,"
                    + " is this the right prefix, and may this client see it (loopback by default)?");
        }
        return summaries.isEmpty() ? null : find(summaries.get(0).path("id").asText());
    }

    @Override
    public String describe() {
        return "the toolbar's API at " + api;
    }

    /** The JSON at {@code uri} (200, or 202 for a request still running), or {@code null} on 404. */
    private JsonNode get(URI uri) {
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the toolbar's API at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + uri, e);
        }
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw new AssertionError("The toolbar's API answered " + response.statusCode() + " to GET " + uri + ": "
                    + response.body());
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("The toolbar's API answered GET " + uri + " with something that is not JSON: "
                    + response.body(), e);
        }
    }
}
