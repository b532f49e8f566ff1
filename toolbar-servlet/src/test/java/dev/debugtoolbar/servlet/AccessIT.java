package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A disabled toolbar, or a client the policy rejects, sees nothing and leaves no record; on every container. */
@ParameterizedClass
@EnumSource(Container.class)
class AccessIT {

    @Parameter
    Container container;

    private static final String PAGE = "<html><body>page</body></html>";
    private static final List<String> ENDPOINTS = List.of("/__toolbar/static/toolbar.js",
            "/__toolbar/static/toolbar.css", "/__toolbar/api/requests", "/__toolbar/api/requests/abc",
            "/__toolbar/requests/abc", "/__toolbar/requests/abc/panels/sql", "/__toolbar", "/__toolbar/nothing");

    static Stream<Arguments> hiddenToolbars() {
        return Stream.of(
                Arguments.of("disabled", DebugToolbar.builder().enabled(false).build(), null, null),
                Arguments.of("client not in allowed range",
                        DebugToolbar.builder().enabled(true).allowedClients("10.0.0.0/8").build(), null, null),
                Arguments.of("forged X-Forwarded-For without a trusted proxy",
                        DebugToolbar.builder().enabled(true).allowedClients("10.1.2.3").build(), "10.1.2.3", null),
                Arguments.of("custom policy says no",
                        DebugToolbar.builder().enabled(true).build(), null, (AccessPolicy) request -> false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hiddenToolbars")
    void showsNothingAndRecordsNothing(String why, DebugToolbar toolbar, String forwardedFor, AccessPolicy policy)
            throws Exception {
        try (TestServer server = TestServer.with(toolbar).on(container).policy(policy).handle("/page", (request, response) -> {
            response.setContentType("text/html");
            response.getWriter().write(PAGE);
        }).start()) {
            HttpResponse<String> page = server.send(request(server, "/page", forwardedFor),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(PAGE, page.body());
            assertFalse(page.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
            assertFalse(page.headers().firstValue("Server-Timing").isPresent());
            for (String endpoint : ENDPOINTS) {
                HttpResponse<String> answer = server.send(request(server, endpoint, forwardedFor),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, answer.statusCode(), endpoint);
                assertFalse(answer.body().contains("tb-") || answer.body().contains("recorded"),
                        endpoint + ": " + answer.body());
            }
            assertTrue(toolbar.store().recent(100).isEmpty());
        }
    }

    @ParameterizedTest(name = "X-Forwarded-For {0}")
    @MethodSource("forwardedThroughTrustedProxy")
    void believesXForwardedForOnlyFromATrustedProxy(String forwardedFor, boolean shown) throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true)
                .allowedClients("10.1.2.3").trustedProxies("127.0.0.1").build();
        try (TestServer server = TestServer.with(toolbar).on(container).handle("/page", (request, response) -> {
            response.setContentType("text/html");
            response.getWriter().write(PAGE);
        }).start()) {
            HttpResponse<String> page = server.send(request(server, "/page", forwardedFor),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(shown, page.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
            assertEquals(shown, page.body().contains("data-tb-id"));
        }
    }

    static Stream<Arguments> forwardedThroughTrustedProxy() {
        return Stream.of(Arguments.of("10.1.2.3", true),
                Arguments.of("10.1.2.3, 127.0.0.1", true),
                Arguments.of("10.1.2.3, 192.168.1.1", false),
                Arguments.of("192.168.1.1", false));
    }

    private static HttpRequest.Builder request(TestServer server, String path, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
