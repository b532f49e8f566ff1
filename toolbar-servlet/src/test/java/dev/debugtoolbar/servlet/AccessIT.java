package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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
                Arguments.of("disabled", DebugToolbar.builder().enabled(false).build(), Map.of(), null),
                Arguments.of("client not in allowed range",
                        DebugToolbar.builder().enabled(true).allowedClients("10.0.0.0/8").build(), Map.of(), null),
                Arguments.of("forged X-Forwarded-For without a trusted proxy",
                        DebugToolbar.builder().enabled(true).allowedClients("10.1.2.3").build(),
                        Map.of("X-Forwarded-For", "10.1.2.3"), null),
                Arguments.of("custom policy says no",
                        DebugToolbar.builder().enabled(true).build(), Map.of(), (AccessPolicy) request -> false),
                Arguments.of("addressed to a name that is not an allowed host (DNS rebinding)",
                        DebugToolbar.builder().enabled(true).allowedHosts("myapp.test").build(),
                        Map.of("Host", "rebound.example"), null),
                Arguments.of("addressed to a name only like an allowed host",
                        DebugToolbar.builder().enabled(true).allowedHosts(".dev.test").build(),
                        Map.of("Host", "evil-dev.test"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hiddenToolbars")
    void showsNothingAndRecordsNothing(String why, DebugToolbar toolbar, Map<String, String> headers, AccessPolicy policy)
            throws Exception {
        try (TestServer server = servingThePage(toolbar, policy)) {
            HttpResponse<String> page = server.send(server.request("/page", headers),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(PAGE, page.body());
            assertFalse(page.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
            assertFalse(page.headers().firstValue("Server-Timing").isPresent());
            for (String endpoint : ENDPOINTS) {
                HttpResponse<String> answer = server.send(server.request(endpoint, headers),
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
        try (TestServer server = servingThePage(toolbar, null)) {
            HttpResponse<String> page = server.send(server.request("/page", Map.of("X-Forwarded-For", forwardedFor)),
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

    @ParameterizedTest(name = "Host {0}")
    @MethodSource("allowedHostNames")
    void showsTheToolbarUnderLoopbackNamesIpAddressesAndTheAllowedHosts(String host) throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).allowedHosts("myapp.test", ".dev.test").build();
        try (TestServer server = servingThePage(toolbar, null)) {
            HttpResponse<String> page = server.send(server.request("/page", Map.of("Host", host)),
                    HttpResponse.BodyHandlers.ofString());
            String id = page.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
            HttpResponse<String> record = server.send(server.request("/__toolbar/api/requests/" + id,
                    Map.of("Host", host)), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, record.statusCode(), record.body());
        }
    }

    static Stream<String> allowedHostNames() {
        return Stream.of("localhost", "shop.localhost", "127.0.0.1", "[::1]", "MyApp.Test", "dev.test", "api.dev.test");
    }

    /** A server on this test's container whose {@code /page} answers {@link #PAGE}; {@code policy} null: the default. */
    private TestServer servingThePage(DebugToolbar toolbar, AccessPolicy policy) throws Exception {
        return TestServer.with(toolbar).on(container).policy(policy).handle("/page", (request, response) -> {
            response.setContentType("text/html");
            response.getWriter().write(PAGE);
        }).start();
    }
}
