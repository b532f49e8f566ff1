package dev.debugtoolbar.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redirect interception: opt-in, for a browser's page requests only. */
class RedirectIT {

    private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final DebugToolbar INTERCEPTING = DebugToolbar.builder().enabled(true).interceptRedirects(true).build();
    private static final DebugToolbar PLAIN = DebugToolbar.builder().enabled(true).build();
    private static TestServer intercepting;
    private static TestServer plain;

    @BeforeAll
    static void start() throws Exception {
        intercepting = shop(TestServer.with(INTERCEPTING));
        plain = shop(TestServer.with(PLAIN));
    }

    private static TestServer shop(TestServer.Builder builder) throws Exception {
        return builder
                .handle("/orders", (request, response) -> {
                    response.addHeader("Set-Cookie", "flash=saved; Path=/");
                    response.sendRedirect(request.getContextPath() + "/orders/42");
                })
                .handle("/moved", (request, response) -> {
                    response.setStatus(301);
                    response.setHeader("Location", "orders/42");
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>Moved</body></html>");
                })
                .handle("/evil", (request, response) -> response.sendRedirect("javascript:alert(document.cookie)"))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        intercepting.close();
        plain.close();
        INTERCEPTING.close();
        PLAIN.close();
    }

    @Test
    void aBrowsersPostThatRedirectsShowsTheTargetAndTheToolbarOfThePost() throws Exception {
        HttpResponse<String> page = intercepting.sendText(HttpRequest.newBuilder(intercepting.uri("orders"))
                .header("Accept", PAGE_ACCEPT).POST(HttpRequest.BodyPublishers.ofString("")));

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Location").isEmpty());
        assertEquals("flash=saved; Path=/", page.headers().firstValue("Set-Cookie").orElseThrow(),
                "the application's cookies still reach the browser");
        String id = TestServer.idOf(page);
        assertTrue(page.body().contains("<a href=\"/orders/42\" data-tb-redirect-link>/orders/42</a>"), page.body());
        assertTrue(page.body().contains("data-tb-id=\"" + id + "\""), page.body());
        assertTrue(page.headers().firstValue("Server-Timing").isPresent());

        JsonNode record = intercepting.record(id);
        assertEquals("POST", record.get("method").asText());
        assertEquals(302, record.get("status").asInt(), "the record keeps what the application answered");
        JsonNode redirects = record.get("panels").get("redirects");
        assertEquals("/orders/42", redirects.get("location").asText());
        assertTrue(redirects.get("intercepted").asBoolean());
    }

    @Test
    void aRedirectMadeByHandIsInterceptedToo() {
        HttpResponse<String> page = intercepting.sendText(HttpRequest.newBuilder(intercepting.uri("moved"))
                .header("Accept", PAGE_ACCEPT));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("href=\"orders/42\""), page.body());
        assertFalse(page.body().contains("Moved</body>"), "the application's own redirect body is replaced");
    }

    @Test
    void aTargetThatCouldRunScriptIsShownButNotLinked() {
        HttpResponse<String> page = intercepting.sendText(HttpRequest.newBuilder(intercepting.uri("evil"))
                .header("Accept", PAGE_ACCEPT));

        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("href=\"javascript"), page.body());
        assertTrue(page.body().contains("<code>javascript:alert(document.cookie)</code>"), page.body());
    }

    @Test
    void scriptCallsAndNonBrowserClientsGetTheRealRedirect() {
        HttpResponse<String> xhr = intercepting.sendText(HttpRequest.newBuilder(intercepting.uri("orders"))
                .header("Accept", PAGE_ACCEPT).header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        HttpResponse<String> api = intercepting.sendText(HttpRequest.newBuilder(intercepting.uri("orders"))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("")));

        for (HttpResponse<String> response : java.util.List.of(xhr, api)) {
            assertEquals(302, response.statusCode());
            assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/orders/42"));
        }
    }

    @Test
    void withoutTheOptionRedirectsAreFollowedAndStillShownInTheirPanel() throws Exception {
        HttpResponse<String> response = plain.sendText(HttpRequest.newBuilder(plain.uri("orders"))
                .header("Accept", PAGE_ACCEPT).POST(HttpRequest.BodyPublishers.ofString("")));

        assertEquals(302, response.statusCode());
        JsonNode redirects = plain.record(TestServer.idOf(response)).get("panels").get("redirects");
        assertEquals("/orders/42", redirects.get("location").asText());
        assertFalse(redirects.get("intercepted").asBoolean());
        String html = plain.getText("__toolbar/requests/" + TestServer.idOf(response) + "/panels/redirects").body();
        assertTrue(html.contains("href=\"/orders/42\""), html);
    }
}
