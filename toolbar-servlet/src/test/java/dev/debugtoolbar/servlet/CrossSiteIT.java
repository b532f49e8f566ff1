package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security class 2: behind an application-wide CORS layer (a filter before the toolbar's that reflects any
 * {@code Origin} and allows credentials), the toolbar's endpoints still refuse reads from other sites with 403 and
 * never answer with CORS headers; its own page (same origin) and clients that are no browser read as before.
 */
@ParameterizedClass
@EnumSource(Container.class)
class CrossSiteIT {

    @Parameter
    Container container;

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
    private TestServer server;
    private String id;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.with(toolbar).on(container)
                .before((classes, context) -> {
                    var cors = context.addFilter("applicationCors", new ReflectingCorsFilter());
                    cors.setAsyncSupported(true);
                    cors.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
                })
                .handle("/page", (request, response) -> TestServer.html(response, "page"))
                .start();
        id = TestServer.idOf(server.getText("page"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> recordEndpoints() {
        return List.of("__toolbar/api/requests", "__toolbar/api/requests/" + id, "__toolbar/requests/" + id,
                "__toolbar/requests/" + id + "/panels/request");
    }

    /** What browsers send for a read by another site's script: by Sec-Fetch-Site, or only Origin (older ones). */
    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "Origin only"})
    void readsFromAnotherSiteAreRefusedWithoutCorsHeaders(String site) {
        for (String endpoint : recordEndpoints()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(endpoint))
                    .header("Origin", site.equals("same-site") ? "http://localhost:1" : "https://evil.example");
            if (!site.equals("Origin only")) {
                request.header("Sec-Fetch-Site", site);
            }
            HttpResponse<String> answer = server.sendText(request);
            assertEquals(403, answer.statusCode(), endpoint + ": " + answer.body());
            assertTrue(answer.body().startsWith("Refused"), answer.body());
            assertNoCorsHeaders(endpoint, answer.headers());
        }
    }

    @Test
    void sqlActionsFromAnotherSiteAreRefusedToo() {
        HttpResponse<String> answer = server.sendText(HttpRequest.newBuilder(server.uri("__toolbar/requests/" + id
                        + "/sql/0/select")).POST(HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, answer.statusCode(), answer.body());
        assertNoCorsHeaders("select", answer.headers());
    }

    /** The toolbar's own loader (same origin), a typed-in URL, a test client or curl (neither header) read. */
    @ParameterizedTest
    @ValueSource(strings = {"same-origin", "none", "same Origin only", "no browser"})
    void theToolbarsOwnPageAndOtherClientsReadWithoutCorsHeaders(String kind) {
        String origin = "http://" + server.uri("/").getRawAuthority();
        for (String endpoint : recordEndpoints()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(endpoint));
            switch (kind) {
                case "same-origin" -> request.header("Sec-Fetch-Site", "same-origin").header("Origin", origin);
                case "none" -> request.header("Sec-Fetch-Site", "none");
                case "same Origin only" -> request.header("Origin", origin);
                default -> { }
            }
            HttpResponse<String> answer = server.sendText(request);
            assertEquals(200, answer.statusCode(), endpoint + ": " + answer.body());
            assertNoCorsHeaders(endpoint, answer.headers());
        }
    }

    @Test
    void staticFilesStayReadableButCarryNoCorsHeaders() {
        HttpResponse<String> script = server.sendText(HttpRequest.newBuilder(server.uri("__toolbar/static/toolbar.js"))
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"));
        assertEquals(200, script.statusCode());
        assertNoCorsHeaders("toolbar.js", script.headers());
    }

    @Test
    void theApplicationsOwnResponsesKeepItsCorsHeaders() {
        HttpResponse<String> page = server.sendText(HttpRequest.newBuilder(server.uri("page"))
                .header("Origin", "https://partner.example"));
        assertEquals(List.of("https://partner.example"),
                page.headers().allValues("Access-Control-Allow-Origin"));
    }

    private static void assertNoCorsHeaders(String endpoint, HttpHeaders headers) {
        List<String> cors = headers.map().keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")).toList();
        assertEquals(List.of(), cors, endpoint + " answered with " + headers.map());
    }

    /** An application's CORS layer at its most permissive: any origin, with credentials. */
    private static final class ReflectingCorsFilter extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String origin = request.getHeader("Origin");
            if (origin != null) {
                response.setHeader("Access-Control-Allow-Origin", origin);
                response.setHeader("Access-Control-Allow-Credentials", "true");
                response.setHeader("Access-Control-Expose-Headers", "X-Debug-Toolbar-Id");
                response.addHeader("Vary", "Origin");
            }
            chain.doFilter(request, response);
        }
    }
}
