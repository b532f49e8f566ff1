package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security class 1: on a container that itself applies forwarding headers (Jetty with
 * {@code ForwardedRequestCustomizer}, Tomcat with {@code RemoteIpValve}, as Spring Boot sets them up), forged
 * headers neither make a client look allowed nor get a rebinding page past the host guard; behind a proxy the
 * operator named ({@code trustedProxies}), the toolbar still works. The test client is loopback; "allowed" is a
 * non-loopback address here, so that a forged header is the only way in.
 */
@ParameterizedClass
@EnumSource(Container.class)
class ForwardedHeadersIT {

    @Parameter
    Container container;

    private static final String PAGE = "<html><body>page</body></html>";
    private static final List<String> ENDPOINTS = List.of("/__toolbar/api/requests", "/__toolbar/requests/abc",
            "/__toolbar/api/requests/abc");

    static Stream<Arguments> forgedRequests() {
        return Stream.of(
                Arguments.of("X-Forwarded-For names an allowed client",
                        DebugToolbar.builder().enabled(true).allowedClients("10.1.2.3").build(),
                        Map.of("X-Forwarded-For", "10.1.2.3")),
                Arguments.of("X-Forwarded-For names a public allowed client",
                        DebugToolbar.builder().enabled(true).allowedClients("203.0.113.7").build(),
                        Map.of("X-Forwarded-For", "203.0.113.7")),
                Arguments.of("Forwarded names an allowed client",
                        DebugToolbar.builder().enabled(true).allowedClients("10.1.2.3").build(),
                        Map.of("Forwarded", "for=10.1.2.3")),
                Arguments.of("X-Real-IP names an allowed client",
                        DebugToolbar.builder().enabled(true).allowedClients("10.1.2.3").build(),
                        Map.of("X-Real-IP", "10.1.2.3")),
                Arguments.of("a rebinding page sets X-Forwarded-Host: localhost",
                        DebugToolbar.builder().enabled(true).build(),
                        Map.of("Host", "rebound.example", "X-Forwarded-Host", "localhost")),
                Arguments.of("a trusted proxy passes on a rebound name in X-Forwarded-Host",
                        DebugToolbar.builder().enabled(true).trustedProxies("127.0.0.1").build(),
                        Map.of("Host", "localhost", "X-Forwarded-Host", "rebound.example")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedRequests")
    void forgedForwardingHeadersShowNothingAndRecordNothing(String why, DebugToolbar toolbar,
                                                           Map<String, String> headers) throws Exception {
        try (TestServer server = servingThePage(toolbar)) {
            HttpResponse<String> page = server.sendText(server.request("/page", headers));
            assertEquals(PAGE, page.body());
            assertFalse(page.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
            for (String endpoint : ENDPOINTS) {
                assertEquals(404, server.sendText(server.request(endpoint, headers)).statusCode(), endpoint);
            }
            assertTrue(toolbar.store().recent(10).isEmpty());
        }
    }

    static Stream<Arguments> throughTheOperatorsProxy() {
        return Stream.of(Arguments.of("10.1.2.3", true), Arguments.of("192.168.1.1", false));
    }

    /** The proxy at 127.0.0.1 (the test client) forwards for the client it names: shown to allowed clients only. */
    @ParameterizedTest(name = "X-Forwarded-For {0}")
    @MethodSource("throughTheOperatorsProxy")
    void behindATrustedProxyTheForwardedClientDecides(String forwardedFor, boolean shown) throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).allowedClients("10.1.2.3")
                .trustedProxies("127.0.0.1").build();
        Map<String, String> proxied = new LinkedHashMap<>();
        proxied.put("Host", "localhost");
        proxied.put("X-Forwarded-For", forwardedFor);
        proxied.put("X-Forwarded-Host", "localhost");
        proxied.put("X-Forwarded-Proto", "http");
        try (TestServer server = servingThePage(toolbar)) {
            HttpResponse<String> page = server.sendText(server.request("/page", proxied));
            assertEquals(shown, page.headers().firstValue("X-Debug-Toolbar-Id").isPresent(), page.headers().toString());
            if (shown) {
                HttpResponse<String> record = server.sendText(server.request("/__toolbar/api/requests/" + TestServer.idOf(page), proxied));
                assertEquals(200, record.statusCode(), record.body());
                assertTrue(record.body().contains("\"/page\""), record.body());
            } else {
                assertTrue(toolbar.store().recent(10).isEmpty());
            }
        }
    }

    private TestServer servingThePage(DebugToolbar toolbar) throws Exception {
        return TestServer.with(toolbar).on(container).trustForwardedHeaders().handle("/page", (request, response) -> {
            response.setContentType("text/html");
            response.getWriter().write(PAGE);
        }).start();
    }
}
